/**
 * `npm run soak -- --minutes N [--seed S] [--keep]` (issue 11): people edit both sides at random, the sandbox
 * injects faults at a small rate, runs start on demand and on the agent's own schedule, and the agent process is
 * killed with SIGKILL at random moments (mid-run too) and started again on the same data folder, as a crash would.
 * Then the faults stop, one quiet run syncs every connection, and the checks say whether anything is duplicated,
 * lost or out of step, and whether one more run writes nothing. Progress goes to stderr; the last stdout line is one
 * JSON object. Exit 1 on a failure: replay it with the printed seed (the same edits, faults and kills in the same
 * order; their timing against the agent's runs varies with the machine).
 */
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import Database from 'better-sqlite3';
import { startSandbox } from '../sandbox/sandbox';
import { startAgent, type AgentLife, type ApiAnswer } from './soak-agent';
import type { Pairing } from './soak-checks';
import { randomEdit, type EditTally } from './soak-edits';
import { applyReviews, quietAndCheck } from './soak-end';
import { freshSeed, SoakRandom } from './soak-random';
import { call, googleHands, outlookHands, SchedHands } from './soak-sides';

const say = (text: string) => process.stderr.write(`soak: ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `--minutes N`, `--seed S`, `--keep` (keep the data folders and agent logs). */
function parseArgs(argv: string[]): { minutes: number; seed: number; keep: boolean } {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const minutes = Number(value('--minutes') ?? 1);
  if (!(minutes > 0)) throw new Error('soak: --minutes must be a number above 0.');
  const seedText = value('--seed');
  const seed = seedText === undefined ? freshSeed() : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error('soak: --seed must be a whole number from 0 to 4294967295.');
  return { minutes, seed, keep: argv.includes('--keep') };
}

const { minutes, seed, keep } = parseArgs(process.argv.slice(2));
const random = new SoakRandom(seed);
say(`seed ${seed} (replay with --seed ${seed}), ${minutes} minute(s)`);
const dir = await mkdtemp(join(tmpdir(), 'sched-soak-'));
const sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), port: 0, seed: 'empty' });
setDefaultCACertificates([...getCACertificates('default'), sandbox.caPem]);
const sched = new SchedHands(sandbox);
const pairings: Pairing[] = [
  {
    resourceId: 'rsc_meeting_room_a',
    calendar: googleHands(sandbox, 'alex@sandbox.example'),
    direction: 'two-way',
    frequency: '1min',
  },
  {
    resourceId: 'rsc_dr_maria_lopez',
    calendar: await outlookHands(sandbox, 'jordan@sandbox.example'),
    direction: 'two-way',
    frequency: 'manual',
  },
  {
    resourceId: 'rsc_classroom_101',
    calendar: googleHands(sandbox, 'sam@sandbox.example'),
    direction: 'sched-to-external',
    frequency: '1min',
  },
  {
    resourceId: 'rsc_recording_studio',
    calendar: await outlookHands(sandbox, 'riley@sandbox.example'),
    direction: 'external-to-sched',
    frequency: '1min',
  },
];
const day0 = Math.floor(sandbox.clock.now().getTime() / 86_400_000) * 86_400_000;
let serial = 0;
const next = () => (serial += 1);
const edits: EditTally = {};
/** The soak's own log, `soak.log` beside the agent's: every edit, fault, sync asked for, kill and start. */
const note = (entry: Record<string, unknown>) =>
  appendFileSync(join(dir, 'soak.log'), `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
const tally = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
for (let i = 0; i < 12; i += 1) tally(edits, await randomEdit(random, sched, pairings, day0, next, note));

let lives = 1;
let agent: AgentLife = await startAgent(sandbox, join(dir, 'agent'), lives);
// If the soak itself fails, no agent is left running without it.
process.on('exit', () => {
  if (agent.alive()) process.kill(agent.pid, 'SIGKILL');
});
process.on('unhandledRejection', (error) => {
  say(`stopped by an error of its own (seed ${seed}, data in ${dir}): ${String(error)}`);
  process.exit(2);
});
for (const p of pairings) {
  const provider = p.calendar.service;
  const tokens = await call(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: { provider, user: p.calendar.user },
  });
  const connected = await agent.api('POST', '/calendars/connect', {
    resource_id: p.resourceId,
    calendar_service: provider,
    calendar_id: p.calendar.calendarId,
    oauth_token: tokens.body.refresh_token,
    sync_settings: { direction: p.direction, sync_frequency: p.frequency, conflict_resolution: 'newest' },
  });
  if (connected.status !== 201)
    throw new Error(`connect answered ${connected.status}: ${JSON.stringify(connected.body)}`);
  const first = await agent.api('POST', '/sync', { calendar_id: p.calendar.calendarId });
  if (first.status !== 200)
    throw new Error(`the first sync answered ${first.status}: ${JSON.stringify(first.body)}`);
}
say(`4 connections synced once; soaking until ${new Date(Date.now() + minutes * 60_000).toISOString()}`);

const syncs: Record<string, number> = {};
const faults: Record<string, number> = {};
const kills = { total: 0, mid_run: 0 };
let reviews = 0;
const pending = new Set<Promise<void>>();
/** Asks for a run without waiting for it; the answer is tallied when it comes (status 0: the agent died first). */
function requestSync(life: AgentLife): void {
  const body = random.chance(0.5) ? {} : { calendar_id: random.pick(pairings).calendar.calendarId };
  note({ sync: body, agent: life.pid });
  const done = life.api('POST', '/sync', body).then((answer: ApiAnswer) => {
    note({
      synced: body,
      status: answer.status,
      runs: answer.body?.runs?.map((r: { status: string }) => r.status),
    });
    if (answer.status !== 200) return void tally(syncs, `answered ${answer.status}`);
    for (const run of answer.body.runs) tally(syncs, `run ${run.status}`);
  });
  pending.add(done);
  void done.finally(() => pending.delete(done));
}

/**
 * Every run of the soak by status, from the state DB once the agent has stopped (read-only, as a person's support
 * script would): `interrupted` are the runs a kill cut short, which the next start closed.
 */
function runsByStatus(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT status, count(*) AS n FROM runs GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

const deadline = Date.now() + minutes * 60_000;
let restartAt = 0;
while (Date.now() < deadline) {
  if (!agent.alive() && Date.now() >= restartAt) {
    agent = await startAgent(sandbox, join(dir, 'agent'), (lives += 1));
    note({ started: agent.pid, life: lives });
  }
  const action = random.weighted({ edit: 70, sync: 10, kill: 4, fault: 6, review: 2 });
  try {
    if (action === 'edit') tally(edits, await randomEdit(random, sched, pairings, day0, next, note));
    else if (action === 'sync' && agent.alive()) requestSync(agent);
    else if (action === 'kill' && agent.alive()) {
      // Most kills land inside a run: right after the agent logs its start, a few milliseconds into its writes.
      if (random.chance(0.7)) {
        requestSync(agent);
        if (await agent.untilRunInFlight(5000)) await sleep(random.int(0, 60));
      }
      if (agent.runsInFlight() > 0) kills.mid_run += 1;
      kills.total += 1;
      note({ kill: agent.pid, runs_in_flight: agent.runsInFlight() });
      await agent.stop('SIGKILL');
      restartAt = Date.now() + random.int(0, 3000);
    } else if (action === 'fault') {
      const target = random.pick(['sched', 'google', 'microsoft'] as const);
      const status = random.pick([500, 503, 429, 'reset', 'slow'] as const);
      const rate = random.pick([0, 0.02, 0.05, 0.1]);
      await call(`${sandbox.url}/sandbox/faults`, {
        method: 'POST',
        body: { target, status, rate, ...(status === 'slow' ? { delay_ms: random.int(100, 1500) } : {}) },
      });
      note({ fault: { target, status, rate } });
      tally(faults, rate === 0 ? `${target} cleared` : `${target} ${status}`);
    } else if (action === 'review' && agent.alive()) reviews += await applyReviews(agent);
  } catch (error) {
    note({ failed: String(error) });
    tally(edits, `failed: ${String(error).slice(0, 120)}`);
  }
  await sleep(random.int(20, 400));
}

say(`soak over: ${kills.total} kills, ${serial} items made or renamed; faults cleared, quiet run`);
note({ quiet: 'faults cleared, edits stopped' });
await call(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });
await Promise.allSettled([...pending]);
if (!agent.alive()) agent = await startAgent(sandbox, join(dir, 'agent'), (lives += 1));
const verdict = await quietAndCheck(agent, sandbox.url, sched, pairings);
await agent.stop('SIGTERM');
const runs = runsByStatus(join(dir, 'agent', 'state.db'));
await sandbox.close();
if (keep || !verdict.ok) say(`data, soak.log and agent logs kept in ${dir}`);
else await rm(dir, { recursive: true, force: true });

const f = verdict.findings;
for (const line of [...verdict.quietFailures, ...f.duplicates, ...f.lost, ...f.outOfStep, ...f.leftOver])
  say(`  ${line}`);
const writes = Object.entries(verdict.nextRunWrites);
if (writes.length > 0) say(`  the next run wrote: ${writes.map(([k, n]) => `${n} × ${k}`).join(', ')}`);
say(
  verdict.ok
    ? `clean: ${f.bookings} bookings and ${f.events} events, no duplicate, nothing lost, the next run wrote nothing`
    : `FAILED (seed ${seed}): ${f.duplicates.length} duplicates, ${f.lost.length} lost, ${f.outOfStep.length} out of step, ${f.leftOver.length} left over, ${verdict.quietFailures.length} failed runs, ${writes.length} kinds of write in the next run`,
);
const report = {
  seed,
  minutes,
  ok: verdict.ok,
  edits,
  kills: { ...kills, agent_starts: lives },
  faults,
  syncs,
  reviews: reviews + verdict.reviews,
  runs,
  items: {
    bookings: f.bookings,
    events: f.events,
    excused_by_conflicts: f.excused,
    open_conflicts: verdict.openConflicts,
  },
  checks: {
    duplicates: f.duplicates.length,
    lost: f.lost.length,
    out_of_step: f.outOfStep.length,
    left_over: f.leftOver.length,
    quiet_run_failures: verdict.quietFailures.length,
    next_run_requests: verdict.nextRunRequests,
    next_run_writes: writes.reduce((n, [, count]) => n + count, 0),
    next_run_changes: verdict.nextRunChanges,
  },
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(verdict.ok ? 0 : 1);
