import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, outlookCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, instant, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';
import { connectedOutlookCalendar } from './fixtures/connected-calendar';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();
const path = (calendarId: string) => `/calendars/${encodeURIComponent(calendarId)}`;

describe('a calendar remapped to another resource mirrors the new resource', () => {
  const roomA = 'rsc_meeting_room_a';
  const roomB = 'rsc_classroom_101';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: roomA,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    await world.sched.create({
      resource_id: roomA,
      title: 'Room A standup',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await world.sched.create({
      resource_id: roomB,
      title: 'Room B lecture',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    await calendar.add({
      title: "Alex's workshop",
      start: at(world.sandbox, 3, 13),
      end: at(world.sandbox, 3, 15),
    });
    await world.sync(calendar.calendarId);
  });

  it('refuses a resource Sched does not have, naming resource_id, and changes nothing', async () => {
    const answer = await world.api('PUT', path(calendar.calendarId), { resource_id: 'rsc_nope' });
    const after = (await world.api('GET', '/calendars')).body.calendars[0];

    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toMatch(/resource_id/);
    expect(after.resource_id).toBe(roomA);
  });

  it('previews the remap: the old copy goes, the person’s booking moves, the new resource’s bookings come', async () => {
    const answer = await world.api('PUT', path(calendar.calendarId), { resource_id: roomB });
    const preview = (await world.api('GET', `${path(calendar.calendarId)}/preview`)).body;

    expect(answer.status).toBe(200);
    expect(preview.counts).toMatchObject({
      create: { sched: 0, external: 1 },
      delete: { sched: 0, external: 1 },
    });
  });

  it('keeps the person’s own event, moves its booking, removes only the agent’s copies and copies the new bookings', async () => {
    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run.status).toBe('ok');
    expect(titles(await calendar.events())).toEqual(["Alex's workshop", 'Room B lecture']);
    expect(titles(await world.sched.bookings(roomA))).toEqual(['Room A standup']);
    expect(titles(await world.sched.bookings(roomB))).toEqual(["Alex's workshop", 'Room B lecture']);
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });

  it('syncs the new pairing both ways afterwards, and leaves the old resource alone', async () => {
    const [workshop] = (await calendar.events()).filter((e) => e.title === "Alex's workshop");
    await calendar.edit(workshop!.id, { title: "Alex's workshop (full)" });
    await world.sched.create({
      resource_id: roomA,
      title: 'Room A review',
      start: at(world.sandbox, 4, 9),
      end: at(world.sandbox, 4, 10),
    });

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: nothing, updated: { sched: 1, external: 0 } });
    expect(titles(await world.sched.bookings(roomB))).toEqual(["Alex's workshop (full)", 'Room B lecture']);
    expect(titles(await calendar.events())).toEqual(["Alex's workshop (full)", 'Room B lecture']);
  });

  it('does the same when the calendar is disconnected and connected to another resource', async () => {
    await world.api('DELETE', path(calendar.calendarId));
    await world.connect({
      resource_id: roomA,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });

    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run.status).toBe('ok');
    expect(titles(await calendar.events())).toEqual([
      "Alex's workshop (full)",
      'Room A review',
      'Room A standup',
    ]);
    expect(titles(await world.sched.bookings(roomA))).toEqual([
      "Alex's workshop (full)",
      'Room A review',
      'Room A standup',
    ]);
    expect(titles(await world.sched.bookings(roomB))).toEqual(['Room B lecture']);
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('a remap moves the bookings of the person’s events as they stand on the old resource', () => {
  const studio = 'rsc_recording_studio';
  const doctor = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;
  let remapRun = '';

  beforeAll(async () => {
    calendar = googleCalendar(world.google('sam@sandbox.example'));
    await world.connect({
      resource_id: studio,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    await calendar.add({
      title: 'Voice-over',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await calendar.add({ title: 'Mixing', start: at(world.sandbox, 2, 9), end: at(world.sandbox, 2, 10) });
    await world.sync(calendar.calendarId);
  });

  it('copies an edit made in Sched after the remap was asked for, and books again an event whose booking was cancelled', async () => {
    const [voice, mixing] = await world.sched.bookings(studio);
    await world.api('PUT', path(calendar.calendarId), { resource_id: doctor });
    await world.sched.update(voice!.id, { title: 'Voice-over (take 2)' });
    await world.sched.cancel(mixing!.id);

    const run = await world.sync(calendar.calendarId);
    remapRun = run.run_id;
    const quiet = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', errors: 0 });
    expect(titles(await calendar.events())).toEqual(['Mixing', 'Voice-over (take 2)']);
    expect(titles(await world.sched.bookings(doctor))).toEqual(['Mixing', 'Voice-over (take 2)']);
    expect(await world.sched.bookings(studio)).toEqual([]);
    expect((await world.sched.get(voice!.id)).resource_id).toBe(doctor);
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });

  it('refuses to undo the remap run, saying how to take the remap back, and changes nothing', async () => {
    const answer = await world.api('POST', `/runs/${remapRun}/undo`);

    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toMatch(
      /remap of this calendar from rsc_recording_studio to rsc_dr_maria_lopez.*back to rsc_recording_studio/,
    );
    expect(titles(await calendar.events())).toEqual(['Mixing', 'Voice-over (take 2)']);
    expect(titles(await world.sched.bookings(doctor))).toEqual(['Mixing', 'Voice-over (take 2)']);
  });
});

describe('sched-to-external: a remap whose move Sched refuses', () => {
  const classroom = 'rsc_classroom_101';
  const roomA = 'rsc_meeting_room_a';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, { user: 'jordan@sandbox.example', resource: classroom });
    const tutorial = await calendar.add({
      title: 'Tutorial',
      start: at(world.sandbox, 6, 9),
      end: at(world.sandbox, 6, 10),
    });
    await world.sync(calendar.calendarId);
    // The person deletes the event, then Sched becomes the source: its booking is now an original with no copy.
    await calendar.remove(tutorial);
    await world.settings(calendar.calendarId, { direction: 'sched-to-external' });
    await world.sched.create({
      resource_id: roomA,
      title: 'Room A review',
      start: at(world.sandbox, 6, 9),
      end: at(world.sandbox, 6, 10),
    });
  });

  it('cancels the booking on the old resource and leaves no copy of it in the calendar, as the preview said', async () => {
    await world.api('PUT', path(calendar.calendarId), { resource_id: roomA });
    const preview = (await world.api('GET', `${path(calendar.calendarId)}/preview`)).body;
    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', conflicts: 1, deleted: { sched: 1 } });
    expect(preview.counts).toMatchObject({ create: run.created, delete: run.deleted, conflicts: 1 });
    expect(titles(await calendar.events())).not.toContain('Tutorial');
    expect(titles(await world.sched.bookings(classroom))).not.toContain('Tutorial');
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('sched-to-external after a reconnect: a booking whose event was deleted is the old resource’s', () => {
  const studio = 'rsc_recording_studio';
  const doctor = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    const side = world.outlook('jordan@sandbox.example');
    await side.useNewCalendar('Studio');
    calendar = outlookCalendar(side);
    const pairing = {
      resource_id: studio,
      calendar_service: 'microsoft' as const,
      user: calendar.user,
      calendar_id: calendar.calendarId,
    };
    await world.connect(pairing);
    const jam = await calendar.add({
      title: 'Jam session',
      start: at(world.sandbox, 4, 16),
      end: at(world.sandbox, 4, 17),
    });
    await world.sync(calendar.calendarId);
    // Deleted, then disconnected before a run saw the delete; connected again with Sched as the source.
    await calendar.remove(jam);
    await world.api('DELETE', path(calendar.calendarId));
    await world.connect({ ...pairing, sync_settings: { direction: 'sched-to-external' } });
    await world.sync(calendar.calendarId);
  });

  it('a remap removes its copy from the calendar and leaves the booking on the old resource', async () => {
    const copied = titles(await calendar.events());

    await world.api('PUT', path(calendar.calendarId), { resource_id: doctor });
    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(copied).toEqual(['Jam session']);
    expect(run).toMatchObject({ status: 'ok', deleted: { external: 1, sched: 0 } });
    expect(titles(await calendar.events())).not.toContain('Jam session');
    expect(titles(await world.sched.bookings(studio))).toContain('Jam session');
    expect(titles(await world.sched.bookings(doctor))).not.toContain('Jam session');
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('a remap there and back, then a copy moved out of the window', () => {
  const classroom = 'rsc_classroom_101';
  const doctor = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'riley@sandbox.example',
      resource: classroom,
      name: 'Classroom',
    });
    await world.sched.create({
      resource_id: classroom,
      title: 'Open day',
      start: at(world.sandbox, 8, 10),
      end: at(world.sandbox, 8, 12),
    });
    await world.sync(calendar.calendarId);
  });

  it('keeps the booking and moves it with its copy, as in any run', async () => {
    const copy = (await calendar.events()).find((e) => e.title === 'Open day')!;

    await world.api('PUT', path(calendar.calendarId), { resource_id: doctor });
    await world.api('PUT', path(calendar.calendarId), { resource_id: classroom });
    await calendar.edit(copy.id, { start: at(world.sandbox, 200, 10), end: at(world.sandbox, 200, 12) });
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', deleted: { sched: 0, external: 0 } });
    const openDay = (await world.sched.bookings(classroom)).find((b) => b.title === 'Open day');
    expect(openDay?.status).toBe('confirmed');
    expect(instant(openDay!.start)).toBe(instant(at(world.sandbox, 200, 10)));
  });
});
