import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('sched-to-external with Google Calendar', () => {
  const resource = 'rsc_classroom_101';
  let calendar: ExternalCalendar;
  let lecture: Booking;
  let lunchId: string;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('sam@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
      sync_settings: { direction: 'sched-to-external' },
    });
    lecture = await world.sched.create({
      resource_id: resource,
      title: 'Lecture',
      start: at(world.sandbox, 1, 1),
      end: at(world.sandbox, 1, 2),
    });
    lunchId = await calendar.add({
      title: 'Private lunch',
      start: at(world.sandbox, 1, 3),
      end: at(world.sandbox, 1, 4),
    });
  });

  it('copies bookings out and leaves the calendar’s own events out of Sched', async () => {
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect(titles(await calendar.events())).toEqual(['Lecture', 'Private lunch']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Lecture']);
  });

  it('overwrites an external edit of a linked event and leaves an unlinked event alone', async () => {
    const linked = (await calendar.events()).find((e) => e.bookingTag === lecture.id)!;
    await calendar.edit(linked.id, { title: 'Lecture (cancelled, go home)' });
    await calendar.edit(lunchId, { title: 'Private lunch (moved)' });

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', updated: { sched: 0, external: 1 }, created: nothing });
    expect(titles(await calendar.events())).toEqual(['Lecture', 'Private lunch (moved)']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Lecture']);
  });

  it('ignores the deletion of an unlinked event, carries a Sched edit out, then idles', async () => {
    await calendar.remove(lunchId);
    await world.sched.update(lecture.id, { title: 'Lecture: room change' });

    const run = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ updated: { sched: 0, external: 1 }, deleted: nothing, created: nothing });
    expect(titles(await calendar.events())).toEqual(['Lecture: room change']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Lecture: room change']);
    expect(idle).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('external-to-sched with Outlook', () => {
  const resource = 'rsc_recording_studio';
  let calendar: ExternalCalendar;
  let sessionId: string;

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'jordan@sandbox.example',
      resource: resource,
      name: 'Studio',
      sync_settings: { direction: 'external-to-sched' },
    });
    await world.sched.create({
      resource_id: resource,
      title: 'Walk-in session',
      start: at(world.sandbox, 2, 10),
      end: at(world.sandbox, 2, 11),
    });
    sessionId = await calendar.add({
      title: 'Band recording',
      start: at(world.sandbox, 2, 13),
      end: at(world.sandbox, 2, 17),
    });
  });

  it('imports events as confirmed bookings with a source and sends no booking out', async () => {
    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 1, external: 0 } });
    const bookings = await world.sched.bookings(resource);
    expect(titles(bookings)).toEqual(['Walk-in session', 'Band recording']);
    expect(bookings[1]).toMatchObject({
      status: 'confirmed',
      start: at(world.sandbox, 2, 13),
      end: at(world.sandbox, 2, 17),
      source: { calendar_service: 'microsoft', calendar_id: calendar.calendarId, event_id: sessionId },
    });
    expect(titles(await calendar.events())).toEqual(['Band recording']);
  });

  it('overwrites a Sched edit of an imported booking with the calendar’s version', async () => {
    const imported = (await world.sched.bookings(resource)).find((b) => b.source?.event_id === sessionId)!;
    await world.sched.update(imported.id, { title: 'Band recording (free of charge)' });

    const run = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', updated: { sched: 1, external: 0 } });
    expect(titles(await world.sched.bookings(resource))).toEqual(['Walk-in session', 'Band recording']);
    expect(titles(await calendar.events())).toEqual(['Band recording']);
  });

  it('carries an Outlook edit and deletion into Sched, then idles', async () => {
    await calendar.edit(sessionId, { title: 'Band recording, take 2' });
    const edited = await world.sync(calendar.calendarId);
    const afterEdit = titles(await world.sched.bookings(resource));
    await calendar.remove(sessionId);

    const removed = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(edited).toMatchObject({ updated: { sched: 1, external: 0 } });
    expect(afterEdit).toEqual(['Walk-in session', 'Band recording, take 2']);
    expect(removed).toMatchObject({ deleted: { sched: 1, external: 0 }, created: nothing });
    expect(titles(await world.sched.bookings(resource))).toEqual(['Walk-in session']);
    expect(await calendar.events()).toEqual([]);
    expect(idle).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});

describe('a direction change from external-to-sched to two-way, with Google Calendar', () => {
  const resource = 'rsc_dr_maria_lopez';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
      sync_settings: { direction: 'external-to-sched' },
    });
    await world.sched.create({
      resource_id: resource,
      title: 'Check-up',
      start: at(world.sandbox, 3, 9),
      end: at(world.sandbox, 3, 10),
    });
    await calendar.add({
      title: 'Home visit',
      start: at(world.sandbox, 3, 13),
      end: at(world.sandbox, 3, 14),
    });
    const first = await world.sync(calendar.calendarId);
    expect(first).toMatchObject({ status: 'ok', created: { sched: 1, external: 0 } });
  });

  it('copies the booking the old direction left alone, as its preview said, then idles', async () => {
    await world.settings(calendar.calendarId, { direction: 'two-way' });

    const preview = await world.api('GET', `/calendars/${encodeURIComponent(calendar.calendarId)}/preview`);
    const run = await world.sync(calendar.calendarId);
    const idle = await world.sync(calendar.calendarId);

    expect(preview.body.counts.create).toEqual({ sched: 0, external: 1 });
    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 }, deleted: nothing });
    expect(titles(await calendar.events())).toEqual(['Check-up', 'Home visit']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Check-up', 'Home visit']);
    expect(idle).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
  });
});
