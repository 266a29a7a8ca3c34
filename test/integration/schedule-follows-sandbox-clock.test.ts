/**
 * In Sandbox mode the sandbox's clock is the agent's (shared/SYNC.md, "Time in Sandbox mode"): moving it forward
 * brings the scheduled runs that fell due, as days passing would, with no real time spent waiting for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
let calendar: ExternalCalendar;
const resource = 'rsc_meeting_room_a';

beforeAll(async () => {
  // The schedule reads the sandbox clock every 50 ms instead of every minute, so the test waits briefly.
  world = await startSyncWorld({ clockCheckMs: 50 });
  calendar = googleCalendar(world.google('alex@sandbox.example'));
});
afterAll(async () => {
  await world?.dispose();
});

/** Waits (a few seconds at most) until `ready` holds; the assertions come after. */
async function until(ready: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 50));
}

const runsOf = async (calendarId: string) =>
  ((await world.api('GET', '/runs')).body.runs as { calendar_id: string; started_at: string }[]).filter(
    (run) => run.calendar_id === calendarId,
  );

describe('the schedule follows the sandbox clock', () => {
  it('runs an hourly connection once the sandbox clock moves two hours forward', async () => {
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    await world.sync(calendar.calendarId);
    await world.settings(calendar.calendarId, { sync_frequency: '1h' });
    await world.sched.create({
      resource_id: resource,
      title: 'Quarterly review',
      start: at(world.sandbox, 3, 10),
      end: at(world.sandbox, 3, 11),
    });
    const before = await runsOf(calendar.calendarId);
    const moved = await call(`${world.sandbox.url}/sandbox/clock`, {
      method: 'POST',
      body: { advance_seconds: 2 * 3600 },
    });

    await until(async () => (await calendar.events()).length > 0);

    const after = await runsOf(calendar.calendarId);
    expect(before).toHaveLength(1);
    expect(after).toHaveLength(2);
    expect(Date.parse(after[0]!.started_at)).toBeGreaterThanOrEqual(Date.parse(moved.body.now as string));
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Quarterly review']);
  });
});
