/**
 * The end of a soak: faults cleared, nothing of the soak's own still in flight, the agent up, then one quiet run of
 * every connection, the checks on both sides, and one more run that must write nothing.
 */
import type { AgentLife } from './soak-agent';
import { checkSides, writeRequests, type Findings, type Pairing } from './soak-checks';
import { call, type SchedHands } from './soak-sides';

/** What the end found. */
export interface Verdict {
  findings: Findings;
  /** Runs of the quiet run that did not end `ok`, in words. */
  quietFailures: string[];
  reviews: number;
  openConflicts: number;
  /** Write requests the sandbox counted during the last run, by `service method route`. */
  nextRunWrites: Record<string, number>;
  /** Every request of the last run, reads included, so a zero above is known to have been counted. */
  nextRunRequests: number;
  /** Created, updated and deleted items the last run's summaries report. */
  nextRunChanges: number;
  ok: boolean;
}

/** Applies every large deletion waiting for review (the soak's people made them); returns how many. */
export async function applyReviews(agent: AgentLife): Promise<number> {
  const listed = await agent.api('GET', '/calendars');
  let applied = 0;
  for (const c of listed.body?.calendars ?? []) {
    if (c.sync_status !== 'needs_review') continue;
    const answer = await agent.api('POST', `/calendars/${encodeURIComponent(c.calendar_id)}/review`, {
      decision: 'apply',
    });
    if (answer.status === 200) applied += 1;
  }
  return applied;
}

const changes = (run: { created: Side; updated: Side; deleted: Side }) =>
  run.created.sched +
  run.created.external +
  run.updated.sched +
  run.updated.external +
  run.deleted.sched +
  run.deleted.external;

interface Side {
  sched: number;
  external: number;
}

/** Syncs every connection once (waiting up to ten minutes); the runs, or a sentence why there are none. */
async function syncAll(agent: AgentLife): Promise<{ runs: (RunLike & { calendar_id: string })[] } | string> {
  const answer = await agent.api('POST', '/sync', {}, 600_000);
  if (answer.status !== 200) return `sync all answered ${answer.status}: ${JSON.stringify(answer.body)}`;
  return answer.body;
}

interface RunLike {
  status: string;
  message?: string | null;
  created: Side;
  updated: Side;
  deleted: Side;
}

/** The quiet run and the checks. */
export async function quietAndCheck(
  agent: AgentLife,
  sandboxUrl: string,
  sched: SchedHands,
  pairings: Pairing[],
): Promise<Verdict> {
  const quietFailures: string[] = [];
  let reviews = await applyReviews(agent);
  const quiet = await syncAll(agent);
  if (typeof quiet === 'string') quietFailures.push(quiet);
  else
    for (const run of quiet.runs)
      if (run.status !== 'ok')
        quietFailures.push(`${run.calendar_id}: ${run.status} ${run.message ?? ''}`.trim());
  // A large deletion the people made is held for review by design; a person applies it, and that is the quiet run.
  const held = await applyReviews(agent);
  reviews += held;
  if (held > 0)
    quietFailures.splice(0, quietFailures.length, ...quietFailures.filter((f) => !/needs_review/.test(f)));
  const conflicts = (await agent.api('GET', '/conflicts')).body?.conflicts ?? [];
  const excused = new Set<string>(
    conflicts.flatMap((c: { sched?: { id: string } | null; external?: { id: string } | null }) =>
      [c.sched?.id, c.external?.id].filter((id): id is string => Boolean(id)),
    ),
  );
  const findings = await checkSides(sched, pairings, excused);
  await call(`${sandboxUrl}/sandbox/stats/reset`, { method: 'POST' });
  const next = await syncAll(agent);
  const rows = (await call(`${sandboxUrl}/sandbox/stats`)).body?.requests ?? [];
  const nextRunWrites = writeRequests(rows);
  const nextRunRequests = rows
    .filter((r: { service: string }) => r.service !== 'oauth')
    .reduce((n: number, r: { count: number }) => n + r.count, 0);
  let nextRunChanges = 0;
  if (typeof next === 'string') quietFailures.push(`the next run: ${next}`);
  else
    for (const run of next.runs) {
      nextRunChanges += changes(run);
      if (run.status !== 'ok')
        quietFailures.push(`next run of ${run.calendar_id}: ${run.status} ${run.message ?? ''}`);
    }
  const ok =
    quietFailures.length === 0 &&
    findings.duplicates.length === 0 &&
    findings.lost.length === 0 &&
    findings.outOfStep.length === 0 &&
    findings.leftOver.length === 0 &&
    Object.keys(nextRunWrites).length === 0 &&
    nextRunChanges === 0;
  return {
    findings,
    quietFailures,
    reviews,
    openConflicts: conflicts.length,
    nextRunWrites,
    nextRunRequests,
    nextRunChanges,
    ok,
  };
}
