import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, outlookCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const days = (n: number) =>
  call(`${world.sandbox.url}/sandbox/clock`, { method: 'POST', body: { advance_seconds: n * 86_400 } });
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();
const stats = async () =>
  (await call(`${world.sandbox.url}/sandbox/stats`)).body.requests as {
    service: string;
    method: string;
    count: number;
  }[];
const listRequests = async (service: string) =>
  (await stats()).filter((r) => r.service === service && r.method === 'GET').reduce((n, r) => n + r.count, 0);

describe.each([
  { service: 'google', resource: 'rsc_meeting_room_a' },
  { service: 'microsoft', resource: 'rsc_classroom_101' },
])('the window moves with time ($service)', ({ service, resource }) => {
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    if (service === 'google') {
      calendar = googleCalendar(world.google('alex@sandbox.example'));
    } else {
      const side = world.outlook('jordan@sandbox.example');
      await side.useNewCalendar('Classroom 101');
      calendar = outlookCalendar(side);
    }
    await world.connect({
      resource_id: resource,
      calendar_service: service as 'google' | 'microsoft',
      user: calendar.user,
      calendar_id: calendar.calendarId,
      sync_settings: { window_days_past: 7, window_days_future: 30 },
    });
    await world.sync(calendar.calendarId);
  });

  it('copies a booking and an event made beyond the window once the days bring them inside, and only then', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Term planning',
      start: at(world.sandbox, 40, 9),
      end: at(world.sandbox, 40, 10),
    });
    await calendar.add({
      title: 'Open day',
      start: at(world.sandbox, 41, 13),
      end: at(world.sandbox, 41, 14),
    });
    const outside = await world.sync(calendar.calendarId);

    await days(15);
    const inside = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(outside).toMatchObject({ status: 'ok', created: nothing });
    expect(inside).toMatchObject({ status: 'ok', created: { sched: 1, external: 1 } });
    expect(quiet).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
    expect(titles(await calendar.events())).toEqual(['Open day', 'Term planning']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Open day', 'Term planning']);
  });

  it('copies what a wider window takes in, without deleting what fell out of a narrower one', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Summer school',
      start: at(world.sandbox, 60, 9),
      end: at(world.sandbox, 60, 12),
    });
    await world.sync(calendar.calendarId);

    await world.settings(calendar.calendarId, { window_days_future: 90 });
    const widened = await world.sync(calendar.calendarId);
    await world.settings(calendar.calendarId, { window_days_future: 10 });
    const narrowed = await world.sync(calendar.calendarId);

    expect(widened).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect(narrowed).toMatchObject({ status: 'ok', created: nothing, deleted: nothing });
    expect(titles(await calendar.events())).toContain('Summer school');
  });

  it('reads the slice that entered the window at most once a day: a second run the same day lists once per side', async () => {
    await days(1);
    await world.sync(calendar.calendarId);
    await call(`${world.sandbox.url}/sandbox/stats/reset`, { method: 'POST' });

    const idle = await world.sync(calendar.calendarId);

    expect(idle).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
    expect(await listRequests('sched')).toBe(1);
    expect(await listRequests(service)).toBe(1);
  });

  it('follows a deletion made before the window while the cursors had lapsed, on both sides', async () => {
    const booking = await world.sched.create({
      resource_id: resource,
      title: 'Old review',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    const event = await calendar.add({
      title: 'Old workshop',
      start: at(world.sandbox, 1, 15),
      end: at(world.sandbox, 1, 16),
    });
    await world.sync(calendar.calendarId);
    await days(20);
    await world.sync(calendar.calendarId);
    for (const target of ['sched', service])
      await call(`${world.sandbox.url}/sandbox/sync-tokens/expire`, { method: 'POST', body: { target } });
    await world.sched.cancel(booking.id);
    await calendar.remove(event);

    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: nothing, deleted: { sched: 1, external: 1 } });
    expect(quiet).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
    expect(titles(await calendar.events())).not.toContain('Old review');
    expect(titles(await world.sched.bookings(resource))).not.toContain('Old workshop');
  });
});
