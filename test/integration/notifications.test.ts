import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentNotice } from '../../preload/contract';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
const shown: AgentNotice[] = [];
beforeAll(async () => {
  world = await startSyncWorld();
  world.host().runtime.bus.subscribe((event) => {
    if (event.type === 'notification') shown.push(event.data as AgentNotice);
  });
});
afterAll(async () => {
  await world?.dispose();
});
afterEach(async () => {
  await call(`${world.sandbox.url}/sandbox/faults`, { method: 'DELETE' });
});

const control = (path: string, body?: unknown) =>
  call(`${world.sandbox.url}/sandbox${path}`, { method: 'POST', body });
/** One sync, then the notifications it raised (the watcher reads the state after the run's events). */
async function syncAndNotices(calendarId: string): Promise<string[]> {
  const before = shown.length;
  await world.api('POST', '/sync', { calendar_id: calendarId });
  await world.host().runtime.notices.check();
  return shown.slice(before).map((n) => `${n.title} → ${n.view}`);
}

describe('notifications from the running agent', () => {
  const resource = 'rsc_meeting_room_a';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
      sync_settings: { conflict_resolution: 'manual' },
    });
  });

  it('tells of a new conflict once, not again on the next runs while it stays open', async () => {
    const planning = await world.sched.create({
      resource_id: resource,
      title: 'Planning',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    expect(await syncAndNotices(calendar.calendarId)).toEqual([]);
    const eventId = (await calendar.events())[0]!.id;
    await world.sched.update(planning.id, { title: 'Planning (room booked by Ana)' });
    await control('/clock', { advance_seconds: 120 });
    await calendar.edit(eventId, { title: 'Planning (moved to Zoom)' });

    expect(await syncAndNotices(calendar.calendarId)).toEqual(['New conflict → conflicts']);
    expect(await syncAndNotices(calendar.calendarId)).toEqual([]);
  });

  it('tells of a failed run once per error, and again after a success', async () => {
    await control('/faults', { target: 'sched', status: 503, count: 50 });

    expect(await syncAndNotices(calendar.calendarId)).toEqual(['Sync failed → activity']);
    expect(await syncAndNotices(calendar.calendarId)).toEqual([]);

    await call(`${world.sandbox.url}/sandbox/faults`, { method: 'DELETE' });
    expect(await syncAndNotices(calendar.calendarId)).toEqual([]);
    await control('/faults', { target: 'sched', status: 503, count: 50 });
    expect(await syncAndNotices(calendar.calendarId)).toEqual(['Sync failed → activity']);
    // Each failing run waits out the gate's retries first.
  }, 90_000);

  it('shows nothing once notifications are turned off', async () => {
    await call(`${world.sandbox.url}/sandbox/faults`, { method: 'DELETE' });
    await syncAndNotices(calendar.calendarId);
    expect((await world.api('PUT', '/settings', { notifications: false })).status).toBe(200);
    await control('/faults', { target: 'sched', status: 503, count: 50 });

    expect(await syncAndNotices(calendar.calendarId)).toEqual([]);
    expect((await world.api('GET', '/calendars')).body.calendars[0].sync_status).toBe('error');
  });
});

describe('the first run', () => {
  it('is a first run until the welcome is answered, and stays answered after a restart', async () => {
    expect((await world.api('GET', '/status')).body.first_run).toBe(true);
    const refused = await world.api('PUT', '/settings', { welcome_done: false });

    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('welcome_done');
    expect((await world.api('GET', '/status')).body.first_run).toBe(true);

    const answered = await world.api('PUT', '/settings', { welcome_done: true });
    expect(answered.body.welcome_done).toBe(true);
    await world.restart();
    expect((await world.api('GET', '/status')).body.first_run).toBe(false);
  });
});
