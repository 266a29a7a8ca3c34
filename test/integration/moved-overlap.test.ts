import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, instant, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';
import { connectedOutlookCalendar } from './fixtures/connected-calendar';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const openConflicts = async () =>
  (await world.api('GET', '/conflicts')).body.conflicts as Record<string, unknown>[];
const resolve = (id: unknown, resolution: string) =>
  world.api('POST', `/conflicts/${id}/resolve`, { resolution });

describe('an imported event moved onto a taken slot', () => {
  const resource = 'rsc_meeting_room_a';
  let calendar: ExternalCalendar;
  let eventId: string;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    await world.sched.create({
      resource_id: resource,
      title: 'Client call',
      start: at(world.sandbox, 2, 14),
      end: at(world.sandbox, 2, 15),
    });
    eventId = await calendar.add({
      title: 'Team lunch',
      start: at(world.sandbox, 2, 12),
      end: at(world.sandbox, 2, 13),
    });
    await world.sync(calendar.calendarId);
  });

  it('records a double booking for that one event, and the rest of the run goes on', async () => {
    await calendar.edit(eventId, { start: at(world.sandbox, 2, 14, 30), end: at(world.sandbox, 2, 15, 30) });
    await world.sched.create({
      resource_id: resource,
      title: 'Budget review',
      start: at(world.sandbox, 3, 9),
      end: at(world.sandbox, 3, 10),
    });

    const run = await world.sync(calendar.calendarId);
    const again = await world.sync(calendar.calendarId);
    const conflicts = await openConflicts();

    expect(run).toMatchObject({ status: 'ok', conflicts: 1, created: { sched: 0, external: 1 } });
    expect(again.status).toBe('ok');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'overlap' });
    const lunch = (await world.sched.bookings(resource)).find((b) => b.title === 'Team lunch')!;
    expect(instant(lunch.start)).toBe(instant(at(world.sandbox, 2, 12)));
  });

  it('keep-sched puts the event back at its booking’s time', async () => {
    const [conflict] = await openConflicts();

    const answer = await resolve(conflict!.id, 'keep-sched');
    const quiet = await world.sync(calendar.calendarId);

    expect(answer.status).toBe(200);
    const lunch = (await calendar.events()).find((e) => e.title === 'Team lunch')!;
    expect(instant(lunch.start)).toBe(instant(at(world.sandbox, 2, 12)));
    expect(await openConflicts()).toEqual([]);
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing, conflicts: 0 });
  });

  it('import-anyway moves the booking onto the taken slot', async () => {
    await calendar.edit(eventId, { start: at(world.sandbox, 2, 14, 30), end: at(world.sandbox, 2, 15, 30) });
    await world.sync(calendar.calendarId);
    const [conflict] = await openConflicts();

    const answer = await resolve(conflict!.id, 'import-anyway');
    const quiet = await world.sync(calendar.calendarId);

    expect(answer.status).toBe(200);
    const lunch = (await world.sched.bookings(resource)).find((b) => b.title === 'Team lunch')!;
    expect(instant(lunch.start)).toBe(instant(at(world.sandbox, 2, 14, 30)));
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing, conflicts: 0 });
  });
});

describe('conflicts leave the list by themselves', () => {
  const resource = 'rsc_classroom_101';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'jordan@sandbox.example',
      resource: resource,
      name: 'Classroom',
      sync_settings: { direction: 'external-to-sched' },
    });
    await world.sync(calendar.calendarId);
  });

  it('a double booking whose booking and event are both gone is no longer listed', async () => {
    const booking = await world.sched.create({
      resource_id: resource,
      title: 'Exam',
      start: at(world.sandbox, 5, 9),
      end: at(world.sandbox, 5, 11),
    });
    const event = await calendar.add({
      title: 'Chess club',
      start: at(world.sandbox, 5, 10),
      end: at(world.sandbox, 5, 12),
    });
    await world.sync(calendar.calendarId);
    const listed = (await openConflicts()).filter((c) => c.calendar_id === calendar.calendarId);

    await world.sched.cancel(booking.id);
    await calendar.remove(event);
    await world.sync(calendar.calendarId);

    expect(listed).toHaveLength(1);
    expect((await openConflicts()).filter((c) => c.calendar_id === calendar.calendarId)).toEqual([]);
  });

  it('a double booking whose taken slot was freed imports the event and leaves the list', async () => {
    const booking = await world.sched.create({
      resource_id: resource,
      title: 'Parents evening',
      start: at(world.sandbox, 6, 17),
      end: at(world.sandbox, 6, 19),
    });
    await calendar.add({
      title: 'Drama rehearsal',
      start: at(world.sandbox, 6, 18),
      end: at(world.sandbox, 6, 20),
    });
    await world.sync(calendar.calendarId);

    await world.sched.cancel(booking.id);
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 1, external: 0 } });
    expect((await openConflicts()).filter((c) => c.calendar_id === calendar.calendarId)).toEqual([]);
  });
});

describe('a double booking whose booking in the way goes in the same run', () => {
  const resource = 'rsc_recording_studio';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('sam@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
  });

  it('deleting the copy of the booking in the way cancels it and books the event in that one run', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Podcast',
      start: at(world.sandbox, 3, 15),
      end: at(world.sandbox, 3, 16),
    });
    await calendar.add({
      title: 'Band practice',
      start: at(world.sandbox, 3, 15),
      end: at(world.sandbox, 3, 16),
    });
    const first = await world.sync(calendar.calendarId);
    const copy = (await calendar.events()).find((event) => event.title === 'Podcast');

    await calendar.remove(copy!.id);
    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(first).toMatchObject({ conflicts: 1 });
    expect(run).toMatchObject({ status: 'ok', created: { sched: 1 }, deleted: { sched: 1 } });
    expect((await world.sched.bookings(resource)).map((b) => b.title)).toEqual(['Band practice']);
    expect((await openConflicts()).filter((c) => c.calendar_id === calendar.calendarId)).toEqual([]);
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });

  it('moving the copy of the booking in the way off the slot moves it and books the event in that one run', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Voice-over',
      start: at(world.sandbox, 4, 10),
      end: at(world.sandbox, 4, 11),
    });
    await calendar.add({
      title: 'Mixing session',
      start: at(world.sandbox, 4, 10),
      end: at(world.sandbox, 4, 11),
    });
    const first = await world.sync(calendar.calendarId);
    const copy = (await calendar.events()).find((event) => event.title === 'Voice-over');

    await calendar.edit(copy!.id, { start: at(world.sandbox, 4, 13), end: at(world.sandbox, 4, 14) });
    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(first).toMatchObject({ conflicts: 1 });
    expect(run).toMatchObject({ status: 'ok', created: { sched: 1 }, updated: { sched: 1 } });
    const bookings = await world.sched.bookings(resource);
    const voiceOver = bookings.find((b) => b.title === 'Voice-over')!;
    expect(instant(voiceOver.start)).toBe(instant(at(world.sandbox, 4, 13)));
    const onThatDay = bookings.filter((b) => b.title !== 'Band practice').map((b) => b.title);
    expect(onThatDay.sort()).toEqual(['Mixing session', 'Voice-over']);
    expect((await openConflicts()).filter((c) => c.calendar_id === calendar.calendarId)).toEqual([]);
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('external-to-sched: a booking cancelled in Sched whose slot was booked again', () => {
  const resource = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'jordan@sandbox.example',
      resource: resource,
      name: 'Clinic',
      sync_settings: { direction: 'external-to-sched' },
    });
  });

  it('the event is held as a double booking, listed until the person answers, not taken as booked', async () => {
    await calendar.add({ title: 'Ward round', start: at(world.sandbox, 4, 8), end: at(world.sandbox, 4, 9) });
    await world.sync(calendar.calendarId);
    const [booking] = (await world.sched.bookings(resource)).filter((b) => b.title === 'Ward round');
    await world.sched.cancel(booking!.id);
    await world.sched.create({
      resource_id: resource,
      title: 'Patient visit',
      start: at(world.sandbox, 4, 8),
      end: at(world.sandbox, 4, 9),
    });

    const run = await world.sync(calendar.calendarId);
    const again = await world.sync(calendar.calendarId);
    const listed = (await openConflicts()).filter((c) => c.calendar_id === calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', conflicts: 1 });
    expect(again.status).toBe('ok');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'overlap', choices: ['import-anyway', 'skip'] });
  });
});
