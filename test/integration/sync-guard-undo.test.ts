import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import type { Booking } from './fixtures/calendar-sides';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';
import { connectedOutlookCalendar } from './fixtures/connected-calendar';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const titles = (items: { title: string }[]) => items.map((i) => i.title);
const statusOf = async (calendarId: string) =>
  (
    (await world.api('GET', '/calendars')).body.calendars as { calendar_id: string; sync_status: string }[]
  ).find((c) => c.calendar_id === calendarId)?.sync_status;
/** The status Sched's Connected Calendars shows for the calendar. */
const schedStatusOf = async (calendarId: string) => {
  const { body } = await call(`${world.sandbox.info.sched.base_url}/calendars`, {
    token: world.sandbox.info.sched.api_key,
  });
  return (body.calendars as { calendar_id: string; sync_status: string }[]).find(
    (c) => c.calendar_id === calendarId,
  )?.sync_status;
};

describe('mass-delete guard with Outlook', () => {
  const resource = 'rsc_classroom_101';
  const lessons = Array.from({ length: 8 }, (_, i) => `Lesson ${i + 1}`);
  let calendar: ExternalCalendar;
  const review = (decision: 'apply' | 'cancel') =>
    world.api('POST', `/calendars/${encodeURIComponent(calendar.calendarId)}/review`, { decision });

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'jordan@sandbox.example',
      resource: resource,
      name: 'Classroom 101',
    });
    for (const [i, title] of lessons.entries()) {
      await world.sched.create({
        resource_id: resource,
        title,
        start: at(world.sandbox, i + 1, 1),
        end: at(world.sandbox, i + 1, 2),
      });
    }
    await world.sync(calendar.calendarId);
    await world.sync(calendar.calendarId);
    // Someone clears most of the calendar by mistake.
    for (const event of (await calendar.events()).slice(1)) await calendar.remove(event.id);
  });

  it('stops a run that would cancel most bookings: nothing applied, needs_review', async () => {
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({
      status: 'needs_review',
      deleted: nothing,
      created: nothing,
      updated: nothing,
    });
    expect(await statusOf(calendar.calendarId)).toBe('needs_review');
    expect(await schedStatusOf(calendar.calendarId)).toBe('needs_review');
    expect(titles(await world.sched.bookings(resource))).toEqual(lessons);
    expect((await world.api('POST', '/sync', { calendar_id: calendar.calendarId })).status).toBe(409);
  });

  it('cancel: applies nothing and re-activates; the same deletions stop the next run again', async () => {
    const answer = await review('cancel');
    const status = await statusOf(calendar.calendarId);
    const inSched = await schedStatusOf(calendar.calendarId);

    const next = await world.sync(calendar.calendarId);

    expect(answer.status).toBe(200);
    expect(status).toBe('active');
    expect(inSched).toBe('active');
    expect(titles(await world.sched.bookings(resource))).toEqual(lessons);
    expect(next).toMatchObject({ status: 'needs_review', deleted: nothing });
  });

  it('apply: cancels the bookings whose events were deleted and goes back to active', async () => {
    const answer = await review('apply');

    expect(answer.status).toBe(200);
    expect(answer.body.run).toMatchObject({ status: 'ok', deleted: { sched: 7, external: 0 } });
    expect(await statusOf(calendar.calendarId)).toBe('active');
    expect(await schedStatusOf(calendar.calendarId)).toBe('active');
    expect(titles(await world.sched.bookings(resource))).toEqual(['Lesson 1']);
    expect(titles(await calendar.events())).toEqual(['Lesson 1']);
    expect(await world.sync(calendar.calendarId)).toMatchObject({ status: 'ok', deleted: nothing });
  });
});

describe('undo with Google Calendar', () => {
  const resource = 'rsc_meeting_room_a';
  let calendar: ExternalCalendar;
  let offsite: Booking;
  const undo = (runId: string) => world.api('POST', `/runs/${runId}/undo`);

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    offsite = await world.sched.create({
      resource_id: resource,
      title: 'Offsite',
      start: at(world.sandbox, 3, 8),
      end: at(world.sandbox, 3, 17),
    });
    await world.sync(calendar.calendarId);
  });

  it('reverts an update: the event gets its old title back and stays put', async () => {
    await world.sched.update(offsite.id, { title: 'Offsite (Paris)' });
    const run = await world.sync(calendar.calendarId);

    const answer = await undo(run.run_id);
    const next = await world.sync(calendar.calendarId);

    expect(run.updated).toEqual({ sched: 0, external: 1 });
    expect(answer).toMatchObject({ status: 200, body: { kind: 'undo', updated: { sched: 0, external: 1 } } });
    expect(titles(await calendar.events())).toEqual(['Offsite']);
    expect(next).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
    expect(titles(await calendar.events())).toEqual(['Offsite']);
  });

  it('removes created items: an imported booking disappears and is not imported again', async () => {
    await calendar.add({ title: 'Gym', start: at(world.sandbox, 4, 18), end: at(world.sandbox, 4, 19) });
    const run = await world.sync(calendar.calendarId);

    const answer = await undo(run.run_id);
    const next = await world.sync(calendar.calendarId);

    expect(run.created).toEqual({ sched: 1, external: 0 });
    expect(answer).toMatchObject({ status: 200, body: { deleted: { sched: 1, external: 0 } } });
    expect(titles(await world.sched.bookings(resource))).toEqual(['Offsite (Paris)']);
    expect(next).toMatchObject({ created: nothing, deleted: nothing });
    expect(titles(await world.sched.bookings(resource))).toEqual(['Offsite (Paris)']);
    expect(titles(await calendar.events())).toEqual(['Offsite', 'Gym']);
  });

  it('restores a deleted item: the event of a cancelled booking comes back, once, and Sched gets it back', async () => {
    await world.sched.cancel(offsite.id);
    const run = await world.sync(calendar.calendarId);
    const afterRun = titles(await calendar.events());

    const answer = await undo(run.run_id);
    const next = await world.sync(calendar.calendarId);

    expect(run.deleted).toEqual({ sched: 0, external: 1 });
    expect(afterRun).toEqual(['Gym']);
    expect(answer).toMatchObject({ status: 200, body: { created: { sched: 0, external: 1 } } });
    const events = await calendar.events();
    expect(events.map((e) => [e.title, e.start, e.end])).toEqual([
      ['Offsite', new Date(offsite.start).toISOString(), new Date(offsite.end).toISOString()],
      [
        'Gym',
        new Date(at(world.sandbox, 4, 18)).toISOString(),
        new Date(at(world.sandbox, 4, 19)).toISOString(),
      ],
    ]);
    // The restored event's booking is gone, so it is a live event again: Sched gets it back as a new booking, once.
    expect(next).toMatchObject({ created: { sched: 1, external: 0 }, deleted: nothing });
    expect(titles(await calendar.events())).toEqual(['Offsite', 'Gym']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Offsite']);
  });

  it('refuses to undo a run twice', async () => {
    const runs = (await world.api('GET', `/runs?calendar_id=${encodeURIComponent(calendar.calendarId)}`)).body
      .runs;
    const undone = runs.find((r: { undone?: boolean }) => r.undone);

    const answer = await undo(undone.run_id);

    expect(answer.status).toBe(409);
  });
});
