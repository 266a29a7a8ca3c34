import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PerSide, RunKind, RunStatus, RunSummary, RunTrigger } from '../../preload/contract';
import { isoNow, type Clock } from './store-clock';

// `interrupted`: the process died mid-run; `needs_review`: the mass-delete guard stopped it. The words are the contract's.
export type { PerSide, RunKind, RunStatus, RunSummary };

/** What a run did, as the activity view and the run summary report it (SYNC.md, "Activity"). */
export interface RunCounts {
  created: PerSide;
  updated: PerSide;
  deleted: PerSide;
  conflicts: number;
  errors: number;
  /** API requests the run spent on all sides. */
  requests: number;
}

/** Increments to a run's counts; absent fields add nothing. */
export interface RunCountsDelta {
  created?: Partial<PerSide>;
  updated?: Partial<PerSide>;
  deleted?: Partial<PerSide>;
  conflicts?: number;
  errors?: number;
  requests?: number;
}

export interface Run {
  runId: string;
  connectionId: string;
  kind: RunKind;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  errorMessage: string | null;
  counts: RunCounts;
  /** The undo run that reverted this run, if any. */
  undoneBy: string | null;
  /** What started it; null when not recorded. */
  trigger: RunTrigger | null;
}

interface Row {
  run_id: string;
  connection_id: string;
  kind: RunKind;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  error_message: string | null;
  created_sched: number;
  updated_sched: number;
  deleted_sched: number;
  created_external: number;
  updated_external: number;
  deleted_external: number;
  conflicts: number;
  errors: number;
  requests: number;
  undone_by: string | null;
  trigger: RunTrigger | null;
}

const fromRow = (r: Row): Run => ({
  runId: r.run_id,
  connectionId: r.connection_id,
  kind: r.kind,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status,
  errorMessage: r.error_message,
  counts: {
    created: { sched: r.created_sched, external: r.created_external },
    updated: { sched: r.updated_sched, external: r.updated_external },
    deleted: { sched: r.deleted_sched, external: r.deleted_external },
    conflicts: r.conflicts,
    errors: r.errors,
    requests: r.requests,
  },
  undoneBy: r.undone_by,
  trigger: r.trigger ?? null,
});

/** Flattens a delta into column increments; only whole non-negative numbers are accepted. */
function columnsOf(delta: RunCountsDelta): Record<string, number> {
  const flat: Record<string, number | undefined> = {
    created_sched: delta.created?.sched,
    created_external: delta.created?.external,
    updated_sched: delta.updated?.sched,
    updated_external: delta.updated?.external,
    deleted_sched: delta.deleted?.sched,
    deleted_external: delta.deleted?.external,
    conflicts: delta.conflicts,
    errors: delta.errors,
    requests: delta.requests,
  };
  const out: Record<string, number> = {};
  for (const [column, value] of Object.entries(flat)) {
    if (value === undefined || value === 0) continue;
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`Run count ${column} must be a whole number ≥ 0.`);
    out[column] = value;
  }
  return out;
}

/** Runs of every connection: when they ran, how they ended and what they did. */
export class RunRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Opens a run in status `running`; the id is a new UUID unless one is given. */
  start(input: { connectionId: string; runId?: string; kind?: RunKind }): Run {
    const runId = input.runId ?? randomUUID();
    this.db
      .prepare(`INSERT INTO runs (run_id, connection_id, kind, started_at) VALUES (?, ?, ?, ?)`)
      .run(runId, input.connectionId, input.kind ?? 'sync', isoNow(this.clock));
    return this.get(runId) as Run;
  }

  /** Adds to a run's counts (call it in the batch's transaction so counts match what was committed). */
  addCounts(runId: string, delta: RunCountsDelta): Run {
    const columns = columnsOf(delta);
    const names = Object.keys(columns);
    if (names.length > 0) {
      const sets = names.map((c) => `${c} = ${c} + @${c}`).join(', ');
      const result = this.db
        .prepare(`UPDATE runs SET ${sets} WHERE run_id = @runId`)
        .run({ ...columns, runId });
      if (result.changes === 0) throw new Error(`No run ${runId}.`);
    }
    return this.require(runId);
  }

  /** Closes a run with its final status and, on failure, a message a person can act on. */
  finish(
    runId: string,
    outcome: { status: Exclude<RunStatus, 'running'>; errorMessage?: string | null },
  ): Run {
    const result = this.db
      .prepare(`UPDATE runs SET status = ?, error_message = ?, finished_at = ? WHERE run_id = ?`)
      .run(outcome.status, outcome.errorMessage ?? null, isoNow(this.clock), runId);
    if (result.changes === 0) throw new Error(`No run ${runId}.`);
    return this.require(runId);
  }

  /**
   * Closes runs still `running`, which after a restart means the process died during them.
   * Call once at start-up, before any new run begins. Returns the runs it closed.
   */
  closeInterrupted(): Run[] {
    const ids = this.db.prepare(`SELECT run_id FROM runs WHERE status = 'running'`).pluck().all() as string[];
    const update = this.db.prepare(
      `UPDATE runs SET status = 'interrupted', finished_at = ?,
         error_message = coalesce(error_message, 'Sched Sync stopped during this run; the next run finishes its work.')
       WHERE run_id = ?`,
    );
    for (const id of ids) update.run(isoNow(this.clock), id);
    return ids.map((id) => this.require(id));
  }

  /** Records that `undoRunId` reverted `runId`. */
  markUndone(runId: string, undoRunId: string): Run {
    const result = this.db.prepare(`UPDATE runs SET undone_by = ? WHERE run_id = ?`).run(undoRunId, runId);
    if (result.changes === 0) throw new Error(`No run ${runId}.`);
    return this.require(runId);
  }

  /** Records what started a run (the agent knows it, the engine that opened the run does not). */
  setTrigger(runId: string, trigger: RunTrigger): void {
    this.db.prepare(`UPDATE runs SET trigger = ? WHERE run_id = ?`).run(trigger, runId);
  }

  /** The run an undo run reverted, or null (an undo records itself on the run it reverts). */
  revertedBy(undoRunId: string): Run | null {
    const row = this.db.prepare(`SELECT * FROM runs WHERE undone_by = ?`).get(undoRunId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  get(runId: string): Run | null {
    const row = this.db.prepare(`SELECT * FROM runs WHERE run_id = ?`).get(runId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Newest first, optionally for one connection. */
  list(options: { connectionId?: string; limit?: number } = {}): Run[] {
    const limit = options.limit ?? 100;
    const rows = (
      options.connectionId === undefined
        ? this.db.prepare(`SELECT * FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?`).all(limit)
        : this.db
            .prepare(
              `SELECT * FROM runs WHERE connection_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?`,
            )
            .all(options.connectionId, limit)
    ) as Row[];
    return rows.map(fromRow);
  }

  private require(runId: string): Run {
    const run = this.get(runId);
    if (!run) throw new Error(`No run ${runId}.`);
    return run;
  }
}

/** A stored run as the agent API reports it (shared/API.md §2, "activity"): the one mapping of a run to its summary. */
export function runSummaryOf(run: Run): RunSummary {
  return {
    run_id: run.runId,
    calendar_id: run.connectionId,
    kind: run.kind,
    status: run.status,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    created: { ...run.counts.created },
    updated: { ...run.counts.updated },
    deleted: { ...run.counts.deleted },
    conflicts: run.counts.conflicts,
    errors: run.counts.errors,
    requests: run.counts.requests,
    message: run.errorMessage,
    undone: run.undoneBy !== null,
    trigger: run.trigger,
  };
}
