import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { dateIn, startSyncWorld, type SyncWorld } from './fixtures/sync-world';
import { addDays, instantOfWallClock, nextOffsetChange, wallClock } from './fixtures/wall-clock';
import { connectedOutlookCalendar } from './fixtures/connected-calendar';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

describe('all-day bookings of a resource in Tokyo, with Google Calendar', () => {
  const resource = 'rsc_classroom_101';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
  });

  it('keeps the same dates both ways: no shift by the zone', async () => {
    await world.sched.create({
      resource_id: resource,
      title: 'Exam day',
      start: dateIn(world.sandbox, 5),
      end: dateIn(world.sandbox, 6),
      all_day: true,
    });
    const google = world.google(calendar.user);
    await google.insert({
      summary: 'School trip',
      start: { date: dateIn(world.sandbox, 8) },
      end: { date: dateIn(world.sandbox, 10) },
    });

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 1, external: 1 } });
    const events = await google.events();
    expect(events.map((e) => [e.summary, e.start, e.end])).toEqual([
      ['Exam day', { date: dateIn(world.sandbox, 5) }, { date: dateIn(world.sandbox, 6) }],
      ['School trip', { date: dateIn(world.sandbox, 8) }, { date: dateIn(world.sandbox, 10) }],
    ]);
    const bookings = await world.sched.bookings(resource);
    expect(bookings.map((b) => [b.title, b.all_day, b.start, b.end, b.timezone])).toEqual([
      ['Exam day', true, dateIn(world.sandbox, 5), dateIn(world.sandbox, 6), 'Asia/Tokyo'],
      ['School trip', true, dateIn(world.sandbox, 8), dateIn(world.sandbox, 10), 'Asia/Tokyo'],
    ]);
  });
});

describe('bookings around a daylight-saving change in London, with Outlook', () => {
  const resource = 'rsc_meeting_room_a';
  const zone = 'Europe/London';
  let calendar: ExternalCalendar;
  let change: string;
  const local = (date: string, time: string) => instantOfWallClock(`${date}T${time}`, zone);

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'jordan@sandbox.example',
      resource: resource,
      name: 'Room A',
    });
    change = nextOffsetChange(world.sandbox.clock.now().getTime(), zone, 170);
    const book = (title: string, start: string, end: string) =>
      world.sched.create({ resource_id: resource, title, start, end, timezone: zone });
    await book('Briefing before', local(addDays(change, -2), '09:00'), local(addDays(change, -2), '10:00'));
    await book('Overnight maintenance', local(addDays(change, -1), '22:00'), local(change, '10:00'));
    await book('Briefing after', local(addDays(change, 1), '09:00'), local(addDays(change, 1), '10:00'));
  });

  it('keeps each booking at its London wall-clock time on the calendar', async () => {
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 3 } });
    const events = await calendar.events();
    expect(events.map((e) => [e.title, wallClock(e.start, zone), wallClock(e.end, zone)])).toEqual([
      ['Briefing before', `${addDays(change, -2)} 09:00`, `${addDays(change, -2)} 10:00`],
      ['Overnight maintenance', `${addDays(change, -1)} 22:00`, `${change} 10:00`],
      ['Briefing after', `${addDays(change, 1)} 09:00`, `${addDays(change, 1)} 10:00`],
    ]);
    const overnight = events[1]!;
    const hours = (Date.parse(overnight.end) - Date.parse(overnight.start)) / 3_600_000;
    expect([11, 13]).toContain(hours);
  });
});

describe('a recurring Google series with a moved and a cancelled instance', () => {
  const resource = 'rsc_recording_studio';
  const zone = 'America/Los_Angeles';
  let calendar: ExternalCalendar;
  const first = () => dateIn(world.sandbox, 3);
  const local = (date: string, time: string) => instantOfWallClock(`${date}T${time}`, zone);

  beforeAll(async () => {
    calendar = googleCalendar(world.google('sam@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    const google = world.google(calendar.user);
    await google.insert({
      summary: 'Choir rehearsal',
      start: { dateTime: `${first()}T10:00:00`, timeZone: zone },
      end: { dateTime: `${first()}T12:00:00`, timeZone: zone },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
    });
    const [, second, third] = await google.events();
    await google.patch(second.id, {
      start: { dateTime: `${addDays(first(), 8)}T15:00:00`, timeZone: zone },
      end: { dateTime: `${addDays(first(), 8)}T17:00:00`, timeZone: zone },
    });
    await google.remove(third.id);
  });

  it('becomes one booking per remaining instance, at its own time', async () => {
    const run = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 3, external: 0 } });
    const bookings = await world.sched.bookings(resource);
    expect(bookings.map((b) => [b.title, b.start, b.end])).toEqual([
      ['Choir rehearsal', local(first(), '10:00'), local(first(), '12:00')],
      ['Choir rehearsal', local(addDays(first(), 8), '15:00'), local(addDays(first(), 8), '17:00')],
      ['Choir rehearsal', local(addDays(first(), 21), '10:00'), local(addDays(first(), 21), '12:00')],
    ]);
    expect(new Set(bookings.map((b) => b.source?.event_id)).size).toBe(3);
    expect(idle).toMatchObject({ created: { sched: 0, external: 0 }, deleted: { sched: 0, external: 0 } });
  });

  it('cancels only the booking of an instance cancelled later', async () => {
    const google = world.google(calendar.user);
    const instances = await google.events();
    await google.remove(instances[0].id);

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ deleted: { sched: 1, external: 0 }, created: { sched: 0, external: 0 } });
    const bookings = await world.sched.bookings(resource);
    expect(bookings.map((b) => b.start)).toEqual([
      local(addDays(first(), 8), '15:00'),
      local(addDays(first(), 21), '10:00'),
    ]);
  });
});
