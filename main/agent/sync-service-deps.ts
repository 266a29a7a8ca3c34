/** What the sync operations need: the engine's port, the stores, the clients, the clock and the scheduler's cron. */
import type { ConflictChoice, RunSummary, RunTrigger, SyncStatus } from '../../preload/contract';
import type { EngineConnection, EnginePreview } from '../engine/types';
import type { CronLike } from '../scheduler/scheduler';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import { AgentError } from './agent-error';
import type { EventBus } from './event-bus';
import type { ServiceClients } from './ports';

/** What the agent needs of the engine (main/engine implements it). */
export interface EngineLike {
  run(conn: EngineConnection): Promise<RunSummary>;
  preview(conn: EngineConnection): Promise<EnginePreview>;
  undo(runId: string, conn: EngineConnection): Promise<RunSummary>;
  /** Checks the choice against the conflict's kind (the one place that does) before writing anything. */
  resolveConflict(conflictId: string, choice: ConflictChoice, conn: EngineConnection): Promise<unknown>;
  review(conn: EngineConnection, decision: 'apply' | 'cancel'): Promise<RunSummary | null>;
  /** A crashed run's unfinished writes finished with these providers (before a remap: the old resource's). */
  finishUnfinished(conn: EngineConnection): Promise<void>;
  /** After a lost state DB, a pending remap's old pairing found again (remap-memory.ts). */
  recoverPairing(old: EngineConnection, toResourceId: string): Promise<number>;
}

export interface SyncServiceDeps {
  settings: SettingsStore;
  db: StateDb;
  clients: () => ServiceClients;
  engine: EngineLike;
  /** Read again before each run, preview, undo or answer (the sandbox's clock in Sandbox mode). */
  clock?: { refresh(): Promise<void>; now(): Date };
  bus: EventBus;
  cron: CronLike;
  /** The agent's log, for a status update Sched did not take (it is sent again on the next run). */
  log?: (line: Record<string, unknown>) => void;
}

/** Why a connection with this status does not run, in words a person can act on. */
export const blocked: Partial<Record<SyncStatus, string>> = {
  reauth_required: 'Sign in again to resume syncing this calendar.',
  needs_review:
    'This calendar waits for you to review a large deletion (apply or cancel) before it syncs again.',
  paused: 'Syncing of this calendar is paused.',
};

/** Records what started a run the engine opened (it does not know); `run` is whatever the engine call returned. */
export function noteTrigger(db: StateDb, run: unknown, trigger: RunTrigger): void {
  const id = (run as { run_id?: unknown } | null)?.run_id;
  if (typeof id === 'string') db.runs.setTrigger(id, trigger);
}

/** The conflict a person answers: 404 when there is none by that id, 409 when it was answered already. */
export function openConflictOf(db: StateDb, conflictId: string) {
  const conflict = /^\d+$/.test(conflictId) ? db.conflicts.get(Number(conflictId)) : null;
  if (!conflict) throw new AgentError('not_found', `No conflict has the id "${conflictId}".`);
  if (conflict.resolvedAt) throw new AgentError('conflict', `Conflict ${conflictId} was already resolved.`);
  return conflict;
}

/** The run a person undoes: 404 when there is none by that id, 409 when it was undone already. */
export function undoableRun(db: StateDb, runId: string) {
  const run = db.runs.get(runId);
  if (!run) throw new AgentError('not_found', `No run has the id "${runId}".`);
  if (run.undoneBy) throw new AgentError('conflict', `Run ${runId} was already undone.`);
  return run;
}
