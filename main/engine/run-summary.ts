/** Turns a stored run into the engine's run summary: the one mapping of a run's record (shared/API.md §2, "activity"). */
import type { Run } from '../store';
import type { RunSummary } from './types';

/** The run's summary, message and undo mark included. */
export function summaryOf(run: Run): RunSummary {
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
  };
}
