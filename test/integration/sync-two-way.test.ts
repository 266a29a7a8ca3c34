import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from './fixtures/calendar-sides';
import { googleCalendar, outlookCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, instant, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const cases: { name: string; resource: string; calendar: () => Promise<ExternalCalendar> }[] = [
  {
    name: 'Google Calendar',
    resource: 'rsc_meeting_room_a',
    calendar: async () => googleCalendar(world.google('alex@sandbox.example')),
  },
  {
    name: 'Outlook',
    resource: 'rsc_dr_maria_lopez',
    calendar: async () => {
      const side = world.outlook('jordan@sandbox.example');
      await side.useDefaultCalendar();
      return outlookCalendar(side);
    },
  },
];

describe.each(cases)('two-way sync with $name', ({ resource, calendar: open }) => {
  let calendar: ExternalCalendar;
  let standUp: Booking;
  let review: Booking;
  let dentistId: string;
  const bookings = () => world.sched.bookings(resource);

  beforeAll(async () => {
    calendar = await open();
    await world.connect({
      resource_id: resource,
      calendar_service: calendar.service,
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    standUp = await world.sched.create({
      resource_id: resource,
      title: 'Stand-up',
      description: 'Daily',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    review = await world.sched.create({
      resource_id: resource,
      title: 'Budget review',
      start: at(world.sandbox, 3, 13),
      end: at(world.sandbox, 3, 14),
    });
    dentistId = await calendar.add({
      title: 'Dentist',
      start: at(world.sandbox, 4, 15),
      end: at(world.sandbox, 4, 16),
    });
  });

  it('copies bookings to tagged events without attendees, and events to bookings with a source', async () => {
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 1, external: 2 }, deleted: nothing });
    const events = await calendar.events();
    expect(events.map((e) => e.title)).toEqual(['Stand-up', 'Budget review', 'Dentist']);
    expect(events[0]).toMatchObject({
      start: instant(standUp.start),
      end: instant(standUp.end),
      bookingTag: standUp.id,
      connectionTag: expect.any(String),
      attendees: 0,
    });
    expect(events[1]).toMatchObject({ bookingTag: review.id, attendees: 0 });
    const inSched = await bookings();
    expect(inSched.map((b) => b.title)).toEqual(['Stand-up', 'Budget review', 'Dentist']);
    expect(inSched[2]).toMatchObject({
      status: 'confirmed',
      start: at(world.sandbox, 4, 15),
      source: { calendar_service: calendar.service, calendar_id: calendar.calendarId, event_id: dentistId },
    });
  });

  it('then idles: a second run writes nothing', async () => {
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
  });

  it('carries an edit made on each side across', async () => {
    await world.sched.update(standUp.id, {
      title: 'Stand-up (longer)',
      start: at(world.sandbox, 2, 8, 30),
      end: at(world.sandbox, 2, 10),
    });
    await calendar.edit(dentistId, { title: 'Dentist check-up' });

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', updated: { sched: 1, external: 1 }, created: nothing });
    const events = await calendar.events();
    expect(events.map((e) => [e.title, e.start])).toEqual([
      ['Stand-up (longer)', instant(at(world.sandbox, 2, 8, 30))],
      ['Budget review', instant(review.start)],
      ['Dentist check-up', instant(at(world.sandbox, 4, 15))],
    ]);
    expect((await bookings()).map((b) => b.title)).toEqual([
      'Stand-up (longer)',
      'Budget review',
      'Dentist check-up',
    ]);
  });

  it('deletes the event of a booking cancelled in Sched', async () => {
    await world.sched.cancel(review.id);

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', deleted: { sched: 0, external: 1 }, created: nothing });
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Stand-up (longer)', 'Dentist check-up']);
  });

  it('cancels the booking of an event deleted in the calendar, then idles', async () => {
    await calendar.remove(dentistId);

    const run = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 0 }, created: nothing });
    expect((await bookings()).map((b) => b.title)).toEqual(['Stand-up (longer)']);
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Stand-up (longer)']);
    expect(idle).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });

  it('cancels the booking of an event deleted right after the agent created it', async () => {
    const quick = await world.sched.create({
      resource_id: resource,
      title: 'Quick call',
      start: at(world.sandbox, 6, 11),
      end: at(world.sandbox, 6, 12),
    });
    await world.sync(calendar.calendarId);
    const event = (await calendar.events()).find((e) => e.bookingTag === quick.id)!;
    await calendar.remove(event.id);

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 0 }, created: nothing });
    expect((await bookings()).map((b) => b.title)).toEqual(['Stand-up (longer)']);
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Stand-up (longer)']);
  });
});
