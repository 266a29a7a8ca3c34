import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, nothing, startSyncWorld, type RunView, type SyncWorld } from './fixtures/sync-world';
import { connectedOutlookCalendar } from './fixtures/connected-calendar';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});
afterEach(async () => {
  await call(`${world.sandbox.url}/sandbox/faults`, { method: 'DELETE' });
});

const control = (path: string, body?: unknown) =>
  call(`${world.sandbox.url}/sandbox${path}`, { method: 'POST', body });
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();

interface StatRow {
  service: string;
  method: string;
  route: string;
  count: number;
}

/**
 * Requests the sandbox counted since the last stats reset that belong to sync runs: the OAuth service is the
 * token refresh, and Sched's Connected Calendars registry (`/v1/calendars`) is the agent telling Sched a
 * connection's new `sync_status` after a run, outside the run itself.
 */
async function runRequestsSeen(): Promise<number> {
  const rows = (await call(`${world.sandbox.url}/sandbox/stats`)).body.requests as StatRow[];
  return rows
    .filter((r) => r.service !== 'oauth' && !(r.service === 'sched' && r.route.startsWith('/v1/calendars')))
    .reduce((sum, r) => sum + r.count, 0);
}

/** Syncs until a run ends `ok` (at most `tries` runs); returns every run made. */
async function syncUntilOk(calendarId: string, tries: number): Promise<RunView[]> {
  const runs: RunView[] = [];
  while (runs.length < tries && runs.at(-1)?.status !== 'ok') runs.push(await world.sync(calendarId));
  return runs;
}

/** Seeds `bookings` bookings in Sched and `events` events in the calendar, spread over the coming days. */
async function seed(resource: string, calendar: ExternalCalendar, bookings: number, events: number) {
  for (let i = 0; i < bookings; i += 1) {
    await world.sched.create({
      resource_id: resource,
      title: `Booking ${i + 1}`,
      start: at(world.sandbox, i + 1, 9),
      end: at(world.sandbox, i + 1, 10),
    });
  }
  for (let i = 0; i < events; i += 1) {
    await calendar.add({
      title: `Event ${i + 1}`,
      start: at(world.sandbox, i + 1, 14),
      end: at(world.sandbox, i + 1, 15),
    });
  }
  return [
    ...Array.from({ length: bookings }, (_, i) => `Booking ${i + 1}`),
    ...Array.from({ length: events }, (_, i) => `Event ${i + 1}`),
  ].sort();
}

/** Every item once on each side, every event that came from a booking tagged with a different booking. */
async function expectOneOfEach(resource: string, calendar: ExternalCalendar, expected: string[]) {
  const events = await calendar.events();
  const bookings = await world.sched.bookings(resource);
  expect(titles(events)).toEqual(expected);
  expect(titles(bookings)).toEqual(expected);
  const tags = events.filter((e) => e.bookingTag).map((e) => e.bookingTag);
  expect(new Set(tags).size).toBe(tags.length);
  const sources = bookings.filter((b) => b.source).map((b) => b.source!.event_id);
  expect(new Set(sources).size).toBe(sources.length);
}

describe('Google Calendar and Sched under a 429 storm, then an expired sync token', () => {
  const resource = 'rsc_meeting_room_a';
  let calendar: ExternalCalendar;
  let expected: string[];

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    // A first, empty run reads the resource once; later runs are only the run's own requests.
    await world.sync(calendar.calendarId);
    expected = await seed(resource, calendar, 6, 3);
  });

  it('converges with no duplicate and nothing lost', async () => {
    await control('/faults', { target: 'google', status: 429, count: 4, retry_after: 1 });

    const runs = await syncUntilOk(calendar.calendarId, 3);

    expect(runs.at(-1)).toMatchObject({ status: 'ok' });
    expect(runs.reduce((n, r) => n + r.created.external, 0)).toBe(6);
    expect(runs.reduce((n, r) => n + r.created.sched, 0)).toBe(3);
    await expectOneOfEach(resource, calendar, expected);
  });

  it('counts in the run summary every request Google and Sched saw, retries included', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Late booking',
      start: at(world.sandbox, 9, 9),
      end: at(world.sandbox, 9, 10),
    });
    expected = [...expected, 'Late booking'].sort();
    await control('/stats/reset');
    await control('/faults', { target: 'google', status: 429, count: 2, retry_after: 1 });

    const run = await world.sync(calendar.calendarId);
    const seen = await runRequestsSeen();

    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect(run.requests).toBe(seen);
  });

  it('after a 410 on both sides, reads in full and relinks: nothing created, nothing deleted', async () => {
    await world.sync(calendar.calendarId);
    await control('/sync-tokens/expire', { target: 'google' });
    await control('/sync-tokens/expire', { target: 'sched' });

    const run = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: nothing, deleted: nothing });
    expect(idle).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
    await expectOneOfEach(resource, calendar, expected);
  });
});

describe('Outlook and Sched with 503 on 30% of calls', () => {
  const resource = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;
  let expected: string[];

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, { user: 'jordan@sandbox.example', resource: resource });
    await world.sync(calendar.calendarId);
    expected = await seed(resource, calendar, 6, 3);
  });

  it('converges with no duplicate and nothing lost, and every attempt is counted', async () => {
    await control('/stats/reset');
    await control('/faults', { target: 'microsoft', status: 503, rate: 0.3 });
    const runs = await syncUntilOk(calendar.calendarId, 6);
    const seen = await runRequestsSeen();
    await control('/faults', { target: 'sched', status: 503, rate: 0.3 });
    const more = await syncUntilOk(calendar.calendarId, 6);
    await call(`${world.sandbox.url}/sandbox/faults`, { method: 'DELETE' });

    const idle = await world.sync(calendar.calendarId);

    expect(runs.at(-1)).toMatchObject({ status: 'ok' });
    expect(more.at(-1)).toMatchObject({ status: 'ok' });
    expect(runs.reduce((n, r) => n + r.requests, 0)).toBe(seen);
    expect(idle).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
    await expectOneOfEach(resource, calendar, expected);
  });
});
