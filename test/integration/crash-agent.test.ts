import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { OutlookSide, SchedSide } from './fixtures/calendar-sides';
import { startAgentProcess, type AgentProcess } from './fixtures/cli-agent-process';
import { outlookCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at } from './fixtures/sync-world';

// The CLI agent files secrets under the keychain's default service: riley is the seeded user no other
// default-service test signs in, so parallel test files never overwrite this agent's refresh token.
const user = 'riley@sandbox.example';
const resource = 'rsc_recording_studio';
let sandbox: TestSandbox;
let dataDir: string;
let agent: AgentProcess | undefined;
let sched: SchedSide;
let calendar: ExternalCalendar;
const booked: string[] = [];

const control = (path: string, method = 'POST', body?: unknown) =>
  call(`${sandbox.url}/sandbox${path}`, { method, body });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function syncNow(): Promise<{ status: string; created: { sched: number; external: number } }> {
  const answer = await agent!.api('POST', '/sync', { calendar_id: calendar.calendarId });
  if (answer.status !== 200)
    throw new Error(`sync answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.runs[0];
}

/**
 * Write requests the agent has sent to Outlook since the stats were last reset: creates go out in `$batch`es of 20,
 * up to four at once (a fifth batch starts only when one of the first four has finished).
 */
async function outlookWrites(): Promise<number> {
  const rows = (await call(`${sandbox.url}/sandbox/stats`)).body.requests as {
    service: string;
    method: string;
    route: string;
    count: number;
  }[];
  return rows
    .filter(
      (r) =>
        r.service === 'microsoft' &&
        r.method === 'POST' &&
        (r.route.endsWith('/events') || r.route.endsWith('$batch')),
    )
    .reduce((n, r) => n + r.count, 0);
}

/**
 * Books `count` (more than 80) more sessions, then starts a sync that writes slowly and waits until the first four
 * batches are written and a fifth is on its way: the run is then halfway through its writes.
 */
async function startSlowSyncOf(count: number): Promise<void> {
  const from = booked.length;
  for (let i = from; i < from + count; i += 1) {
    const booking = await sched.create({
      resource_id: resource,
      title: `Session ${i + 1}`,
      start: at(sandbox, 1 + Math.floor(i / 10), 8 + (i % 10)),
      end: at(sandbox, 1 + Math.floor(i / 10), 9 + (i % 10)),
    });
    booked.push(booking.title);
  }
  await control('/stats/reset');
  await control('/faults', 'POST', { target: 'microsoft', status: 'slow', rate: 1, delay_ms: 1000 });
  void agent!.api('POST', '/sync', { calendar_id: calendar.calendarId }).catch(() => undefined);
  for (let waited = 0; (await outlookWrites()) < 5; waited += 20) {
    if (waited > 20_000) throw new Error('The agent wrote no event within 20 s.');
    await sleep(20);
  }
}

/** Every booking exactly once on each side: no duplicate, nothing lost. */
async function expectEachBookingOnce(): Promise<void> {
  const events = await calendar.events();
  const bookings = await sched.bookings(resource);
  expect(events.map((e) => e.title).sort()).toEqual([...booked].sort());
  expect(bookings.map((b) => b.title).sort()).toEqual([...booked].sort());
  expect(new Set(events.map((e) => e.bookingTag)).size).toBe(booked.length);
  expect(bookings.every((b) => b.source === null)).toBe(true);
}

/** What a reader of the state DB finds: SQLite's own check, runs left open, writes left half done. */
function stateDbCheck(): { integrity: string; running: number; unfinished: number } {
  const db = new Database(join(dataDir, 'state.db'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      running: (db.prepare("SELECT count(*) AS n FROM runs WHERE status = 'running'").get() as { n: number })
        .n,
      unfinished: (
        db.prepare('SELECT count(*) AS n FROM outbox WHERE finished_at IS NULL').get() as { n: number }
      ).n,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'empty' });
  dataDir = await mkdtemp(join(tmpdir(), 'sched-sync-crash-'));
  sched = new SchedSide(sandbox);
  const side = new OutlookSide(sandbox, user);
  await side.useDefaultCalendar();
  calendar = outlookCalendar(side);
  agent = await startAgentProcess(sandbox, dataDir);
  const tokens = await control('/tokens', 'POST', { provider: 'microsoft', user });
  const connected = await agent.api('POST', '/calendars/connect', {
    resource_id: resource,
    calendar_service: 'microsoft',
    calendar_id: side.calendarId,
    oauth_token: tokens.body.refresh_token,
    sync_settings: { sync_frequency: 'manual', direction: 'two-way' },
  });
  if (connected.status !== 201) throw new Error(`connect answered ${connected.status}`);
}, 60_000);

afterAll(async () => {
  await agent?.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
  await sandbox?.dispose();
});

/** The runs, once none is running any more (a run still going after 30 s is returned as it is, and fails the test). */
async function runsOnceIdle(): Promise<{ status: string }[]> {
  for (let tries = 0; ; tries += 1) {
    const runs = (await agent!.api('GET', '/runs')).body.runs as { status: string }[];
    if (!runs.some((r) => r.status === 'running') || tries >= 60) return runs;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('the agent process crashing and stopping mid-run', () => {
  it('kill -9 after the first writes, then a new start on the same data: no duplicate, nothing lost', async () => {
    await startSlowSyncOf(100);

    const killed = await agent!.stop('SIGKILL');
    await control('/faults', 'DELETE');
    const writtenBeforeRestart = (await calendar.events()).length;
    agent = await startAgentProcess(sandbox, dataDir);
    const resumed = await syncNow();
    const idle = await syncNow();

    expect(killed.signal).toBe('SIGKILL');
    expect(writtenBeforeRestart).toBeGreaterThan(0);
    expect(writtenBeforeRestart).toBeLessThan(100);
    expect(resumed.status).toBe('ok');
    await expectEachBookingOnce();
    expect(idle).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
  }, 60_000);

  it('SIGTERM during a run: exits cleanly with a consistent state DB, and the next start resumes', async () => {
    await startSlowSyncOf(100);

    const stopped = await agent!.stop('SIGTERM');
    await control('/faults', 'DELETE');
    const state = stateDbCheck();
    agent = await startAgentProcess(sandbox, dataDir);
    const resumed = await syncNow();
    // The start-up run may be queued behind this Sync now and still going: what must not stay is a run that never ends.
    const runs = await runsOnceIdle();

    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.stderr).toContain('stopped on SIGTERM');
    expect(state).toEqual({ integrity: 'ok', running: 0, unfinished: 0 });
    expect(resumed.status).toBe('ok');
    expect(runs.filter((r) => r.status === 'running')).toEqual([]);
    await expectEachBookingOnce();
  }, 60_000);

  it('a lost state DB: the next start relinks by tags, creating and deleting nothing', async () => {
    const stopped = await agent!.stop('SIGTERM');
    for (const file of ['state.db', 'state.db-wal', 'state.db-shm']) {
      await rm(join(dataDir, file), { force: true });
    }

    agent = await startAgentProcess(sandbox, dataDir);
    await syncNow();
    const runs = (await agent.api('GET', '/runs')).body.runs as {
      created: { sched: number; external: number };
      deleted: { sched: number; external: number };
    }[];

    expect(stopped.code).toBe(0);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run).toMatchObject({ created: { sched: 0, external: 0 }, deleted: { sched: 0, external: 0 } });
    }
    await expectEachBookingOnce();
  }, 60_000);
});
