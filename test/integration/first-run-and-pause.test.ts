import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
let calendar: ExternalCalendar;
const resource = 'rsc_meeting_room_a';

beforeAll(async () => {
  world = await startSyncWorld();
  calendar = googleCalendar(world.google('alex@sandbox.example'));
});
afterAll(async () => {
  await world?.dispose();
});

const path = () => `/calendars/${encodeURIComponent(calendar.calendarId)}`;
/** The calendar's row in Sched's Connected Calendars. */
const inSched = async () => {
  const { sched } = world.sandbox.info;
  const answer = await call(`${sched.base_url}/calendars`, { token: sched.api_key });
  return (answer.body.calendars as { calendar_id: string; sync_status: string }[]).find(
    (c) => c.calendar_id === calendar.calendarId,
  );
};
describe('the first run comes only when a person asks', () => {
  it('waits after Connect, says so, and is left out of "sync all"', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Induction',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    const connected = await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });

    const all = await world.api('POST', '/sync', {});
    const listed = await world.api('GET', '/calendars');

    expect(connected).toMatchObject({
      awaiting_first_sync: true,
      sync_status: 'active',
      status_message: 'Waiting for its first sync: preview it, then press Sync now.',
    });
    expect(all).toMatchObject({ status: 200, body: { runs: [] } });
    expect(listed.body.calendars[0]).toMatchObject({ awaiting_first_sync: true, last_sync: null });
    expect(await calendar.events()).toEqual([]);
  });

  it('runs when the person presses Sync now after the preview, and waits no more', async () => {
    const preview = await world.api('GET', `${path()}/preview`);
    const first = await world.sync(calendar.calendarId);
    const listed = await world.api('GET', '/calendars');

    expect(preview.body.counts.create).toEqual({ sched: 0, external: 1 });
    expect(first).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect(listed.body.calendars[0]).toMatchObject({ awaiting_first_sync: false, status_message: null });
  });
});

describe('pause and resume', () => {
  it('pauses: shows paused here and in Sched, refuses Sync now with 409, and "sync all" leaves it alone', async () => {
    const paused = await world.api('PUT', path(), { paused: true });
    await world.sched.create({
      resource_id: resource,
      title: 'Board meeting',
      start: at(world.sandbox, 3, 14),
      end: at(world.sandbox, 3, 15),
    });
    const refused = await world.api('POST', '/sync', { calendar_id: calendar.calendarId });
    const all = await world.api('POST', '/sync', {});

    expect(paused).toMatchObject({ status: 200, body: { sync_status: 'paused' } });
    expect(await inSched()).toMatchObject({ sync_status: 'paused' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/paused/);
    expect(all.body.runs).toEqual([]);
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Induction']);
  });

  it('resumes to active and syncs from where it was, its run stamped by the sandbox clock', async () => {
    await call(`${world.sandbox.url}/sandbox/clock`, { method: 'POST', body: { advance_seconds: 86_400 } });
    const sandboxNow = world.sandbox.clock.now().getTime();
    const resumed = await world.api('PUT', path(), { paused: false });

    const run = await world.sync(calendar.calendarId);

    expect(resumed).toMatchObject({
      status: 200,
      body: { sync_status: 'active', awaiting_first_sync: false },
    });
    expect(await inSched()).toMatchObject({ sync_status: 'active' });
    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 }, deleted: nothing });
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Induction', 'Board meeting']);
    expect(Date.parse((run as unknown as { started_at: string }).started_at)).toBeGreaterThanOrEqual(
      sandboxNow,
    );
  });

  it('pauses and resumes every calendar at once', async () => {
    const paused = await world.api('POST', '/pause', { paused: true });
    const resumed = await world.api('POST', '/pause', { paused: false });

    expect(paused).toMatchObject({ status: 200, body: { calendars: [{ sync_status: 'paused' }] } });
    expect(resumed).toMatchObject({ status: 200, body: { calendars: [{ sync_status: 'active' }] } });
  });

  it('refuses to pause an unknown calendar or a paused value that is not a boolean, changing nothing', async () => {
    const unknown = await world.api('PUT', '/calendars/nobody%40example.com', { paused: true });
    const bad = await world.api('POST', '/pause', { paused: 'yes' });
    const listed = await world.api('GET', '/calendars');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/^calendar_id: .*nobody@example\.com/);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^paused: /);
    expect(listed.body.calendars[0]).toMatchObject({ sync_status: 'active' });
  });
});
