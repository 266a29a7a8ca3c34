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
const openConflicts = async () => (await world.api('GET', '/conflicts')).body.conflicts;
/** Moves the sandbox clock on, so the edit made next is clearly the newer one. */
const later = () =>
  call(`${world.sandbox.url}/sandbox/clock`, { method: 'POST', body: { advance_seconds: 120 } });

describe('edit conflicts with Google Calendar', () => {
  const resource = 'rsc_meeting_room_a';
  let calendar: ExternalCalendar;
  let planning: Booking;
  let eventId: string;

  /** Edits the planning booking in Sched, then its event in the calendar. */
  async function editBoth(schedTitle: string, calendarTitle: string): Promise<void> {
    await world.sched.update(planning.id, { title: schedTitle });
    await later();
    await calendar.edit(eventId, { title: calendarTitle });
  }

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
      sync_settings: { conflict_resolution: 'manual' },
    });
    planning = await world.sched.create({
      resource_id: resource,
      title: 'Planning',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    await world.sync(calendar.calendarId);
    eventId = (await calendar.events())[0]!.id;
  });

  it('manual: writes nothing and lists both versions with their differences', async () => {
    await editBoth('Planning (room booked by Ana)', 'Planning (moved to Zoom)');

    const run = await world.sync(calendar.calendarId);
    const conflicts = await openConflicts();

    expect(run).toMatchObject({ status: 'ok', conflicts: 1, updated: nothing });
    expect(titles(await world.sched.bookings(resource))).toEqual(['Planning (room booked by Ana)']);
    expect(titles(await calendar.events())).toEqual(['Planning (moved to Zoom)']);
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'edit',
        calendar_id: calendar.calendarId,
        sched: expect.objectContaining({ title: 'Planning (room booked by Ana)' }),
        external: expect.objectContaining({ title: 'Planning (moved to Zoom)' }),
        differences: [
          { field: 'title', sched: 'Planning (room booked by Ana)', external: 'Planning (moved to Zoom)' },
        ],
      }),
    ]);
  });

  it('manual: keep-external makes both sides match and closes the conflict', async () => {
    const [conflict] = await openConflicts();

    const answer = await world.api('POST', `/conflicts/${conflict.id}/resolve`, {
      resolution: 'keep-external',
    });
    const next = await world.sync(calendar.calendarId);

    expect(answer.status).toBe(200);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Planning (moved to Zoom)']);
    expect(titles(await calendar.events())).toEqual(['Planning (moved to Zoom)']);
    expect(await openConflicts()).toEqual([]);
    expect(next).toMatchObject({ conflicts: 0, created: nothing, updated: nothing, deleted: nothing });
  });

  it('newest: the later edit wins without asking', async () => {
    await world.settings(calendar.calendarId, { conflict_resolution: 'newest' });
    await editBoth('Planning (Sched, earlier)', 'Planning (calendar, later)');

    const run = await world.sync(calendar.calendarId);

    expect(run.status).toBe('ok');
    expect(await openConflicts()).toEqual([]);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Planning (calendar, later)']);
    expect(titles(await calendar.events())).toEqual(['Planning (calendar, later)']);
  });

  it('prefer-sched: Sched’s edit wins without asking, even when older', async () => {
    await world.settings(calendar.calendarId, { conflict_resolution: 'prefer-sched' });
    await editBoth('Planning (Sched wins)', 'Planning (calendar loses)');

    const run = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(run.status).toBe('ok');
    expect(await openConflicts()).toEqual([]);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Planning (Sched wins)']);
    expect(titles(await calendar.events())).toEqual(['Planning (Sched wins)']);
    expect(idle).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('double bookings with Outlook', () => {
  const resource = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, { user: 'jordan@sandbox.example', resource: resource });
    await world.sched.create({
      resource_id: resource,
      title: 'Check-up: Mr Brown',
      start: at(world.sandbox, 5, 14),
      end: at(world.sandbox, 5, 15),
    });
    await world.sync(calendar.calendarId);
  });

  it('records an overlap conflict for an event over a confirmed booking, and imports it anyway when asked', async () => {
    await calendar.add({
      title: 'Staff training',
      start: at(world.sandbox, 5, 14, 30),
      end: at(world.sandbox, 5, 16),
    });

    const run = await world.sync(calendar.calendarId);
    const conflicts = await openConflicts();
    const before = titles(await world.sched.bookings(resource));
    const answer = await world.api('POST', `/conflicts/${conflicts[0].id}/resolve`, {
      resolution: 'import-anyway',
    });
    const next = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', conflicts: 1, created: nothing });
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'overlap',
        external: expect.objectContaining({ title: 'Staff training' }),
      }),
    ]);
    expect(before).toEqual(['Check-up: Mr Brown']);
    expect(answer.status).toBe(200);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Check-up: Mr Brown', 'Staff training']);
    expect(titles(await calendar.events())).toEqual(['Check-up: Mr Brown', 'Staff training']);
    expect(await openConflicts()).toEqual([]);
    expect(next).toMatchObject({ conflicts: 0, created: nothing, updated: nothing, deleted: nothing });
  });

  it('remembers a skipped overlap: later runs ask nothing and import nothing', async () => {
    const lunchId = await calendar.add({
      title: 'Lunch talk',
      start: at(world.sandbox, 5, 14, 45),
      end: at(world.sandbox, 5, 15, 15),
    });
    await world.sync(calendar.calendarId);
    const [conflict] = await openConflicts();

    const answer = await world.api('POST', `/conflicts/${conflict.id}/resolve`, { resolution: 'skip' });
    const again = await world.sync(calendar.calendarId);
    await calendar.edit(lunchId, { title: 'Lunch talk: AI in GP practice' });
    const afterEdit = await world.sync(calendar.calendarId);

    expect(conflict).toMatchObject({
      kind: 'overlap',
      external: expect.objectContaining({ title: 'Lunch talk' }),
    });
    expect(answer.status).toBe(200);
    expect(again).toMatchObject({ conflicts: 0, created: nothing });
    expect(afterEdit).toMatchObject({ conflicts: 0, created: nothing });
    expect(await openConflicts()).toEqual([]);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Check-up: Mr Brown', 'Staff training']);
    expect(titles(await calendar.events())).toEqual([
      'Check-up: Mr Brown',
      'Staff training',
      'Lunch talk: AI in GP practice',
    ]);
  });
  it('a double booking is not sent to Sched again when the booking in its way is only renamed', async () => {
    const consult = await world.sched.create({
      resource_id: resource,
      title: 'Consult: Ms Green',
      start: at(world.sandbox, 6, 14),
      end: at(world.sandbox, 6, 15),
    });
    await world.sync(calendar.calendarId);
    await calendar.add({
      title: 'Team huddle',
      start: at(world.sandbox, 6, 14, 10),
      end: at(world.sandbox, 6, 14, 40),
    });
    const refused = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);
    await world.sched.update(consult.id, { title: 'Consult: Ms Green (follow-up)' });
    const afterRename = await world.sync(calendar.calendarId);

    expect(refused).toMatchObject({ conflicts: 1, created: nothing });
    // The rename comes in on Sched's side and goes out to its event: one write more than an idle run, and no second
    // try of the huddle's booking (a get of the event and a refused POST) while its slot is still taken.
    expect(afterRename).toMatchObject({ created: nothing, updated: { sched: 0, external: 1 } });
    expect(afterRename.requests).toBe(idle.requests + 1);
    expect((await openConflicts()).map((c: { external: { title: string } }) => c.external.title)).toContain(
      'Team huddle',
    );
    expect(titles(await world.sched.bookings(resource))).not.toContain('Team huddle');
  });
});
