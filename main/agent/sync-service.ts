/**
 * Runs, previews, conflicts, activity and undo for the agent. Owns the scheduler, so every run — by the clock, a
 * trigger or a person — goes through the same one-run-per-connection queue, and keeps Sched's view of each
 * connection's `sync_status` current (only when it changes, so an idle run costs nothing extra).
 */
import type {
  ConflictChoice,
  ConflictView,
  Connection,
  PreviewResult,
  RunDetails,
  RunSummary,
  RunTrigger,
  ScheduleView,
  SyncStatus,
} from '../../preload/contract';
import { Scheduler, type RunReason } from '../scheduler/scheduler';
import type { StoredConnection } from '../store/settings-schema';
import type { EngineConnection } from '../engine/types';
import { AgentError } from './agent-error';
import { blocked, noteTrigger, openConflictOf, undoableRun, type SyncServiceDeps } from './sync-service-deps';
import { DeviceHolds, thisDevice } from './device-hold';
import { finishFirstRun, isHeld, pausedMessage, shownStatus } from './connection-hold';
import { connectionView } from './connection-view';
import { EngineConnections } from './engine-connections';
import { runDetails, runsOf } from './journal-views';
import { readSchedule } from './schedule-reader';
import * as remapMemory from './remap-memory';
import { conflictView, openConflictViews, outcomeMessage, previewView } from './sync-views';
import { SchedStatusReporter } from './sched-status-reporter';
import { isSignInRefused, previewSignInError } from './sign-in-refusal';

export type { EngineLike, SyncServiceDeps } from './sync-service-deps';

/** Sync operations. */
export class SyncService {
  private readonly scheduler: Scheduler<RunSummary>;
  private readonly connections: EngineConnections;
  private readonly remapDeps: remapMemory.RemapMemoryDeps;
  private readonly running = new Set<string>();
  private readonly status: SchedStatusReporter;
  /** Calendars another device took over: not synced here (one device per calendar). */
  private readonly holds: DeviceHolds;

  constructor(private readonly deps: SyncServiceDeps) {
    this.connections = new EngineConnections(deps);
    this.scheduler = new Scheduler({ cron: deps.cron, run: (id, reason) => this.runConnection(id, reason) });
    this.remapDeps = remapMemory.remapMemoryDeps(
      deps,
      (c) => this.connections.of(c),
      (id) => this.scheduler.runNow(id),
      (stored) => this.blockedBy(stored),
    );
    this.holds = new DeviceHolds({
      settings: deps.settings,
      db: deps.db,
      clients: deps.clients,
      lost: () => this.reschedule(),
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
    this.status = new SchedStatusReporter(
      deps.db,
      deps.clients,
      deps.log,
      { current: () => thisDevice(deps.settings), lost: (error) => this.holds.noteLost(error) },
      (id) => {
        const stored = deps.settings.getConnection(id);
        return stored ? this.view(stored).sync_status : undefined;
      },
    );
  }

  /** Why a connection may not run now (paused, taken over by another device, or its status), or undefined. */
  private blockedBy(stored: StoredConnection): string | undefined {
    if (stored.paused === true) return pausedMessage;
    const id = stored.calendar_id;
    return this.holds.reason(id) ?? blocked[this.deps.db.connections.get(id)?.status ?? 'active'];
  }

  /** `listener` runs each time the last run going ends (the scheduler's `onIdle`); returns the unsubscribe. */
  onRunsIdle(listener: () => void): () => void {
    return this.scheduler.onIdle(listener);
  }

  /** Re-reads the connections into the scheduler; call after any change to them. */
  reschedule(): void {
    this.updateSchedule();
    this.connections.forgetResources();
  }

  /** Re-reads which connections the scheduler may run, keeping the resources read (their set did not change). */
  private updateSchedule(): void {
    this.scheduler.update(
      this.deps.settings.listConnections().map((c) => ({
        calendar_id: c.calendar_id,
        sync_frequency: c.sync_settings.sync_frequency,
        runnable: !isHeld(c) && !this.blockedBy(c),
      })),
    );
  }

  /** At start: Sched is told the status of each connection the state DB knows nothing of (sched-status-reporter). */
  reportLostStatuses(): Promise<void> {
    return this.status.reportLost(this.deps.settings.listConnections().map((c) => c.calendar_id));
  }

  /** Start-up, resume, unlock, network back. */
  async trigger(reason: 'startup' | 'resume' | 'unlock' | 'online'): Promise<unknown> {
    // At start, ask Sched once which of these calendars another device took over, before any of them runs.
    if (reason === 'startup') await this.holds.watch();
    return this.scheduler.trigger(reason);
  }

  async stop(): Promise<void> {
    this.holds.stop();
    await this.scheduler.stop();
  }

  syncing(): string[] {
    return [...this.running];
  }

  async syncNow(calendarId?: string): Promise<RunSummary[]> {
    const targets = calendarId ? [this.stored(calendarId)] : this.deps.settings.listConnections();
    const runnable = targets.filter((c) => {
      const reason = this.blockedBy(c);
      if (reason && calendarId) throw new AgentError('conflict', `${c.calendar_id}: ${reason}`);
      // "Sync all" is not a person asking for a first run: that one is asked for by name.
      return !reason && (calendarId !== undefined || !isHeld(c));
    });
    // Every run ends before the answer, a failed one too: a run still going after "sync all" answered would write
    // behind the person's back. The first failure is the answer; the other runs' outcomes are in their statuses.
    const settled = await Promise.allSettled(runnable.map((c) => this.scheduler.runNow(c.calendar_id)));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((r) => (r as PromiseFulfilledResult<RunSummary>).value);
  }

  async preview(calendarId: string): Promise<PreviewResult> {
    const stored = this.stored(calendarId);
    try {
      const connection = await this.runnable(stored);
      const view = previewView(await this.deps.engine.preview(connection));
      return { ...view, time_zone: connection.resourceTimezone };
    } catch (error) {
      throw isSignInRefused(error) ? previewSignInError(this.deps.settings, stored) : error;
    }
  }

  /** Sched registered the calendar again (it shows `active`); tells it the status a person sees if that differs. */
  async registeredAgain(calendarId: string): Promise<void> {
    this.status.registered(calendarId);
    await this.status.report(calendarId);
  }

  /** Tells Sched the connection's status if Sched was last told another (after a sign-in or an update). */
  reportStatus(calendarId: string): Promise<void> {
    return this.status.report(calendarId);
  }

  async review(
    calendarId: string,
    decision: 'apply' | 'cancel',
  ): Promise<{ calendar: Connection; run: RunSummary | null }> {
    const stored = this.stored(calendarId);
    await this.holds.requireHere(calendarId, 'review');
    if (this.deps.db.connections.get(calendarId)?.status !== 'needs_review') {
      throw new AgentError('conflict', `${calendarId} has no run waiting for review.`);
    }
    const run = await this.deps.engine.review(await this.connections.of(stored), decision);
    noteTrigger(this.deps.db, run, 'review');
    this.reschedule();
    // As after any run: a remap the applied run finished is taken off the settings file, and Sched is told the status.
    remapMemory.rememberRemap(this.deps, calendarId);
    const after = this.deps.settings.getConnection(calendarId) ?? stored;
    await this.afterRun(after, 'needs_review');
    return { calendar: this.view(after), run };
  }

  /**
   * The open conflicts of the calendars this device syncs: one another device holds leaves the list as a disconnected
   * one does (no answer could be applied here), and comes back when this device takes the calendar back.
   */
  conflicts(): ConflictView[] {
    return openConflictViews(this.deps.db, this.deps.settings).filter(
      (c) => !this.holds.reason(c.calendar_id),
    );
  }

  async resolve(conflictId: string, resolution: ConflictChoice): Promise<{ message: string }> {
    const conflict = openConflictOf(this.deps.db, conflictId);
    const stored = this.stored(conflict.connectionId);
    await this.holds.requireHere(stored.calendar_id, `conflict ${conflictId}`);
    const run = await this.afterCall(stored, async () =>
      this.deps.engine.resolveConflict(conflictId, resolution, await this.connections.of(stored)),
    );
    noteTrigger(this.deps.db, run, 'conflict');
    this.deps.bus.publish({ type: 'conflict', data: { id: conflictId, resolved: resolution } });
    return { message: outcomeMessage(conflictView(conflict, stored.sync_settings.direction), resolution) };
  }

  runs(calendarId?: string): RunSummary[] {
    return runsOf(this.deps.db, calendarId);
  }

  /** A run and what it wrote to each item (the journal kept for undo). */
  runDetails(runId: string): RunDetails {
    return runDetails(this.deps.db, runId);
  }

  /** The connection's bookings and events of the days `from`..`to`, read now, each with how it stands. */
  async schedule(calendarId: string, from: string, to: string): Promise<ScheduleView> {
    const connection = await this.connections.of(this.stored(calendarId));
    const now = this.deps.clock?.now() ?? new Date();
    return readSchedule({ connection, db: this.deps.db, from, to, now });
  }

  async undo(runId: string): Promise<RunSummary> {
    const run = undoableRun(this.deps.db, runId);
    const stored = this.stored(run.connectionId);
    await this.holds.requireHere(stored.calendar_id, `undo of run ${runId}`);
    return this.afterCall(stored, async () =>
      this.deps.engine.undo(runId, await this.connections.of(stored)),
    );
  }

  /** An undo or a conflict's answer may leave a new status (a refused sign-in): said as after a run, Sched too. */
  private async afterCall<T>(stored: StoredConnection, call: () => Promise<T>): Promise<T> {
    const before = this.deps.db.connections.ensure(stored.calendar_id).status;
    try {
      return await call();
    } finally {
      await this.afterRun(this.deps.settings.getConnection(stored.calendar_id) ?? stored, before);
    }
  }

  /** One run of one connection, called by the scheduler's queue. */
  private async runConnection(calendarId: string, reason: RunReason): Promise<RunSummary> {
    const stored = this.stored(calendarId);
    await this.holds.requireHere(calendarId);
    const before = this.deps.db.connections.ensure(calendarId).status;
    this.deps.db.connections.update(calendarId, { status: 'syncing' });
    this.running.add(calendarId);
    this.deps.bus.publish({ type: 'run-started', data: { calendar_id: calendarId, reason } });
    try {
      const summary = await this.deps.engine.run(await this.runnable(stored));
      // A run that could not even start (a refused sign-in, Sched unreachable) was no first run: the connection
      // keeps waiting for a person, so the schedule does not take it over once the cause goes.
      if (finishFirstRun(this.deps.settings, calendarId)) this.updateSchedule();
      const trigger: RunTrigger = reason;
      noteTrigger(this.deps.db, summary, trigger);
      const noted = { ...summary, trigger };
      this.deps.bus.publish({ type: 'run-finished', data: noted });
      return noted;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Refused before the run could start (a remap's old pairing read with a revoked sign-in): as a run would say.
      const status = isSignInRefused(error) ? 'reauth_required' : 'error';
      this.deps.db.connections.update(calendarId, { status, statusMessage: message });
      throw error;
    } finally {
      this.running.delete(calendarId);
      remapMemory.rememberRemap(this.deps, calendarId);
      await this.afterRun(this.deps.settings.getConnection(calendarId) ?? stored, before);
    }
  }

  private async afterRun(stored: StoredConnection, before: SyncStatus): Promise<void> {
    const state = this.deps.db.connections.get(stored.calendar_id);
    // A connection paused while this run was in flight stays `paused` in Sched too.
    const after = shownStatus(stored, state?.status ?? 'active');
    this.deps.bus.publish({ type: 'status', data: this.view(stored) });
    // The notifications for a sign-in or review needed are decided from this `status` event (notice-watcher.ts).
    if (after !== before && after !== 'active' && after !== 'error' && blocked[after]) this.reschedule();
    // Compared with what Sched was last told, not with `before`: a failed update is sent again after the next run.
    await this.status.report(stored.calendar_id);
  }

  /** Before a remap from `from`: a crashed run's unfinished writes are finished there (remap-memory.ts). */
  finishBeforeRemap(stored: StoredConnection, from: string): Promise<void> {
    return remapMemory.finishBeforeRemap(this.remapDeps, stored, from);
  }

  /** The engine's view of `stored` for a run or preview, a remap a lost state DB forgot found again first. */
  private async runnable(stored: StoredConnection): Promise<EngineConnection> {
    await remapMemory.recoverRemap(this.remapDeps, stored);
    return this.connections.of(stored);
  }

  private stored(calendarId: string): StoredConnection {
    const found = this.deps.settings.getConnection(calendarId);
    if (!found) throw new AgentError('not_found', `No connected calendar has the id "${calendarId}".`);
    return found;
  }

  private view(stored: StoredConnection): Connection {
    return connectionView(stored, this.deps.db.connections.get(stored.calendar_id));
  }
}
