/**
 * The sync engine (shared/SYNC.md): reads both sides of a connection through its providers, plans with the pure core,
 * and applies the plan with an outbox, a journal and one transaction per applied action. Also previews, undoes runs,
 * resolves conflicts and settles mass-delete reviews. Construct one per state DB at start-up.
 */
import { AppError } from '../errors/app-error';
import { runSummaryOf, type ConflictChoice, type OutboxEntry, type StateDb } from '../store';
import { countActions, inboundKind, type HeldOverlap, type Plan, type SideRead } from '../sync';
import { checkedAbsent, replayedEvents, withReplayOriginals } from './checked-absent';
import { withCopiesOfUnlinked } from './copies-beyond-window';
import { ActionApplier } from './action-applier';
import type { ApplyContext } from './apply-context';
import { ConnectionSession } from './connection-session';
import { coveredWindowOf, slicesToRead } from './entered-window';
import { previewOf } from './preview';
import { madeBeforeCrash, withReplays } from './replay-preview';
import { itemsSinceCrash, withCrashedUpdates } from './replay-feeds';
import { withSlotRefusals, type ReplayedCreates } from './preview-slots';
import { readChanges, type ChangeReads } from './read-changes';
import { recoverPairing } from './recover-pairing';
import {
  heldOverlaps,
  replannedForFreedSlots,
  settleConflicts,
  withConflictRereads,
  withGoneUndoConflicts,
} from './settle-conflicts';
import { openConflictFor, resolveConflict } from './resolve-conflict';
import { okOutcome, outcomeOf, type Outcome } from './stop-reason';
import type { EngineConnection, EngineEvent, EngineOptions, EnginePreview, RunSummary } from './types';
import { checkUndoable, undoRun } from './undo';

/**
 * The unconfirmed events the cursors about to be saved know: those the read checked, and those it listed itself
 * (events imported this run from what the feed listed; unconfirmed-events.ts).
 */
function confirmedBy(session: ConnectionSession, reads: ChangeReads): string[] {
  const listed = new Set(reads.listed);
  return [...reads.confirmed, ...session.links.unconfirmed().filter((id) => listed.has(id))];
}

/** Thrown by `review` when the connection is not waiting for one. */
export class NothingToReviewError extends AppError {
  constructor(readonly calendarId: string) {
    super('conflict', `Calendar ${calendarId} has no stopped run to review; nothing was changed.`);
  }
}

/** Runs, previews, undoes and settles syncs of connections against one state DB. */
export class Engine {
  private readonly db: StateDb;
  private readonly now: () => Date;
  private readonly log: (event: EngineEvent) => void;

  constructor(options: EngineOptions) {
    this.db = options.db;
    this.now = options.now;
    this.log = options.log ?? (() => undefined);
    // Runs still `running` in the file were cut short by a crash: say so; their intents are finished by `run`.
    this.db.runs.closeInterrupted();
  }

  /** One sync pass over one connection: recover, read, plan, guard, apply, commit. Never throws for provider errors. */
  async run(connection: EngineConnection, options: { reviewApproved?: boolean } = {}): Promise<RunSummary> {
    const session = this.session(connection);
    // Before any write: what this run makes belongs to this resource, should the calendar be remapped later.
    this.db.remaps.adopt(session.key, connection.resourceId);
    const runId = this.db.runs.start({ connectionId: session.key }).runId;
    let feeds: ChangeReads['nextCursors'] | undefined;
    const applier = this.applier(session, runId, () => feeds ?? {});
    const outcome = await outcomeOf(async () => {
      const unfinished = this.db.outbox.unfinished(session.key);
      await applier.recover(unfinished);
      const approved = options.reviewApproved === true;
      const { reads, planned } = await this.readAndPlan(session, approved, [], unfinished);
      feeds = reads.nextCursors;
      this.log({ type: 'run-started', calendarId: session.key, runId, fullRead: reads.full });
      if (planned.guard.verdict === 'needs_review') {
        // Apply nothing and keep the old cursors, so a person's `apply` sees exactly these deletions again.
        const message = `${planned.guard.reasons.join(' ')} Review the deletions to apply or cancel them.`;
        return { runStatus: 'needs_review', connectionStatus: 'needs_review', message, errors: 0 };
      }
      const complete = await applier.applyAll(planned.actions);
      settleConflicts(session, runId, planned.actions, reads.external, this.log);
      if (complete) {
        // The confirmations hold only for the cursor that saw them: both are saved together or neither.
        this.db.transaction(() => {
          this.db.connections.update(session.key, {
            schedSyncToken: reads.nextCursors.sched,
            externalSyncToken: reads.nextCursors.external,
          });
          this.db.coveredWindows.save(session.key, session.window);
          session.links.confirm(confirmedBy(session, reads));
          // A remap is done once its run applied everything; an interrupted one is planned again from its links.
          if (session.remapping !== null) this.db.remaps.settle(session.key, runId);
        });
      }
      return okOutcome(complete ? null : 'Some items changed while syncing; the next run syncs them.');
    });
    return this.finish(session, runId, outcome);
  }

  /** The plan of the next run: nothing applied, no cursor moved, no run recorded. */
  async preview(connection: EngineConnection): Promise<EnginePreview> {
    const session = this.session(connection);
    const replays = this.db.outbox.unfinished(session.key);
    const { reads, planned, replayed } = await this.readAndPlan(session, false, replays);
    const refused = await withSlotRefusals(session, planned, reads.sched, replayed);
    return previewOf(session.key, refused);
  }

  /**
   * Settles a run the mass-delete guard stopped. `apply` runs again with the guard bypassed once. `cancel` applies
   * nothing and sets the connection back to `active`; the cursors stay where they were, so the next run plans the
   * same deletions and stops again until their cause is fixed (e.g. the right calendar chosen) or they are applied.
   */
  async review(connection: EngineConnection, decision: 'apply' | 'cancel'): Promise<RunSummary | null> {
    const state = this.db.connections.ensure(connection.calendarId);
    if (state.status !== 'needs_review') throw new NothingToReviewError(connection.calendarId);
    if (decision === 'apply') return this.run(connection, { reviewApproved: true });
    this.db.connections.update(connection.calendarId, { status: 'active', statusMessage: null });
    return null;
  }

  /**
   * Reverts a run: deleted items restored, updates reverted, created items removed, unless they changed since.
   * Throws `RunNotUndoableError` (nothing written) for an unknown, undo or already undone run.
   */
  async undo(runId: string, connection: EngineConnection): Promise<RunSummary> {
    const session = this.session(connection);
    checkUndoable(session, runId);
    const undoId = this.db.runs.start({ connectionId: session.key, kind: 'undo' }).runId;
    const outcome = await outcomeOf(async () => {
      await this.settleUnfinished(session, runId);
      await undoRun({ session, runId, undoRunId: undoId, log: this.log });
      return okOutcome();
    });
    return this.finish(session, undoId, outcome, false);
  }

  /**
   * Before an undo, the writes the run left unfinished (it crashed). A create its side's feed shows made since the crash
   * is finished into the run's journal (its key finds the copy, nothing new is made), so the undo takes that copy back
   * too: dropped, it would stay in the calendar or in Sched, linked to nothing. The rest are dropped with the run, so
   * none comes back later; what the undo leaves, the next run plans afresh.
   */
  private async settleUnfinished(session: ConnectionSession, runId: string): Promise<void> {
    const unfinished = this.db.outbox.unfinished(session.key).filter((entry) => entry.runId === runId);
    if (unfinished.length === 0) return;
    const since = await itemsSinceCrash(session, unfinished, session.window);
    const kind = inboundKind(session.connection.settings.inbound_as);
    const made = unfinished.filter((entry) => madeBeforeCrash(entry, since, kind));
    for (const entry of unfinished)
      if (!made.includes(entry))
        this.db.outbox.abandon(entry.id, 'The run was undone before this write finished.');
    await this.applier(session, runId).recover(made);
  }

  /**
   * Applies a person's answer to a conflict and marks it resolved; the writes are recorded as a run. Throws
   * `ConflictNotFoundError` or `ResolutionNotAllowedError` (nothing written) when the answer does not apply.
   */
  async resolveConflict(
    conflictId: number | string,
    resolution: ConflictChoice,
    connection: EngineConnection,
  ): Promise<RunSummary> {
    const session = this.session(connection);
    openConflictFor(session, Number(conflictId), resolution);
    const runId = this.db.runs.start({ connectionId: session.key }).runId;
    const applier = this.applier(session, runId);
    const outcome = await outcomeOf(async () => {
      await resolveConflict({ session, conflictId: Number(conflictId), resolution, applier });
      return okOutcome();
    });
    return this.finish(session, runId, outcome, false);
  }

  /**
   * Finishes the writes crashed runs left unfinished with `connection`'s providers, into those runs' journals: before
   * a remap, the old resource's, where they were meant to go (the remap run then moves or removes what they made).
   */
  async finishUnfinished(connection: EngineConnection): Promise<void> {
    const session = this.session(connection);
    const unfinished = this.db.outbox.unfinished(session.key);
    for (const runId of new Set(unfinished.map((entry) => entry.runId))) {
      if (runId === null) continue;
      await this.applier(session, runId).recover(unfinished.filter((entry) => entry.runId === runId));
    }
  }

  /** A remap's old pairing found again after a lost state DB, nothing written to either side (recover-pairing.ts). */
  async recoverPairing(old: EngineConnection, toResourceId: string): Promise<number> {
    return recoverPairing(this.db, old, toResourceId, this.now().toISOString());
  }

  private session(connection: EngineConnection): ConnectionSession {
    this.db.connections.ensure(connection.calendarId);
    return new ConnectionSession(this.db, connection, this.now().toISOString());
  }

  private applier(
    session: ConnectionSession,
    runId: string,
    feedCursors?: ApplyContext['feedCursors'],
  ): ActionApplier {
    return new ActionApplier({
      ...(feedCursors ? { feedCursors } : {}),
      db: this.db,
      links: session.links,
      calendarId: session.key,
      runId,
      providers: session.providers,
      schedKind: inboundKind(session.connection.settings.inbound_as),
      privacy: session.connection.settings.privacy,
      log: this.log,
      replan: (key) => session.replan(key),
    });
  }

  private async readAndPlan(
    session: ConnectionSession,
    reviewApproved: boolean,
    replays: readonly OutboxEntry[] = [],
    /** A crashed run's unfinished writes (the preview's replays; those the run's `recover` just settled). */
    crashed: readonly OutboxEntry[] = replays,
  ): Promise<{ reads: ChangeReads; planned: Plan; replayed: ReplayedCreates }> {
    const stored = session.state();
    const saved = this.db.connections.ensure(session.key);
    const { settings, resourceTimezone } = session.connection;
    const covered = coveredWindowOf(this.db, session.key, settings, resourceTimezone);
    const reads = await readChanges({
      entered: slicesToRead(session.window, covered),
      providers: session.providers,
      cursors: { sched: saved.schedSyncToken, external: saved.externalSyncToken },
      // A replay leaves a link, so the run after it reads from the cursors.
      stateLost: stored.links.length === 0 && replays.length === 0,
      window: session.window,
      unconfirmed: [...session.links.unconfirmed(), ...replayedEvents(replays)],
      knownExternal: new Map(stored.links.map((link) => [link.external.id, link.external.version])),
    });
    const absent = await withReplayOriginals(
      session,
      await checkedAbsent(session, reads, stored.links),
      replays,
    );
    const rereads = await withConflictRereads(session, await withCrashedUpdates(session, absent, crashed));
    const reread =
      replays.length === 0 ? await withCopiesOfUnlinked(session, rereads, stored.links) : rereads;
    // A preview plans as the run will after `recover` replays a crashed run's creates, and counts those creates.
    const { providers } = session;
    const replayed = withReplays(
      replays,
      { state: withGoneUndoConflicts(session, stored, reread), ...reread },
      { sched: (f, kind) => providers.sched.keeps(f, kind), external: (f) => providers.external.keeps(f) },
      inboundKind(settings.inbound_as),
      replays.length > 0 ? await itemsSinceCrash(session, replays, session.window) : undefined,
    );
    const { state, external, creates, unseen, ids } = replayed;
    const { moving, sched } = await session.movingBookings(state.links, replayed.sched);
    const planWith = (held: HeldOverlap[], events: SideRead) =>
      session.plan({
        state: { ...state, heldOverlaps: held },
        sched,
        external: events,
        moving,
        ...(reviewApproved ? { reviewApproved } : {}),
      });
    const held = heldOverlaps(session, sched);
    const planned = await replannedForFreedSlots(session, planWith(held, external), held, external, planWith);
    if (creates.length > 0) planned.actions.unshift(...creates);
    if (creates.length > 0) planned.counts = countActions(planned.actions);
    return { reads: { ...reads, ...reread }, planned, replayed: { ids, unseen } };
  }

  /**
   * Closes a run with its counts and sets the connection's status. A failed conflict or undo call leaves an
   * `error` status only for a refused sign-in; other failures show in the run alone.
   */
  private finish(session: ConnectionSession, runId: string, outcome: Outcome, isSync = true): RunSummary {
    const run = this.db.transaction(() => {
      this.db.runs.addCounts(runId, { requests: session.requests(), errors: outcome.errors });
      const closed = this.db.runs.finish(runId, { status: outcome.runStatus, errorMessage: outcome.message });
      if (isSync || outcome.connectionStatus === 'reauth_required') {
        this.db.connections.update(session.key, {
          status: outcome.connectionStatus,
          statusMessage: outcome.runStatus === 'ok' ? null : outcome.message,
          ...(outcome.runStatus === 'ok' ? { lastSync: session.now } : {}),
        });
      }
      return closed;
    });
    const summary = runSummaryOf(run);
    this.log({ type: 'run-finished', calendarId: session.key, summary });
    return summary;
  }
}
