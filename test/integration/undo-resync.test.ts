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

const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();

describe('items an undo restores are synced again like any other', () => {
  const resource = 'rsc_meeting_room_a';
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

  it('a run that deleted the event of a cancelled booking, undone: the event stays, Sched gets it back, edits flow', async () => {
    const booking = await world.sched.create({
      resource_id: resource,
      title: 'Board meeting',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    await world.sync(calendar.calendarId);
    await world.sched.cancel(booking.id);
    const deleting = await world.sync(calendar.calendarId);
    const undo = await world.api('POST', `/runs/${deleting.run_id}/undo`);
    const relinked = await world.sync(calendar.calendarId);
    const restored = (await calendar.events()).find((e) => e.title === 'Board meeting')!;

    await calendar.edit(restored.id, {
      title: 'Board meeting (moved to 10:00)',
      start: at(world.sandbox, 2, 10),
      end: at(world.sandbox, 2, 11),
    });
    const edited = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ created: { sched: 0, external: 1 } });
    expect(relinked).toMatchObject({ status: 'ok', deleted: nothing });
    expect(edited).toMatchObject({ status: 'ok', created: nothing, deleted: nothing });
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
    expect(titles(await calendar.events())).toEqual(['Board meeting (moved to 10:00)']);
    expect(titles(await world.sched.bookings(resource))).toEqual(['Board meeting (moved to 10:00)']);
  });

  it('a run that cancelled the booking of a deleted event, undone: the booking stays, the calendar gets it back, edits flow', async () => {
    const eventId = await calendar.add({
      title: 'Vendor demo',
      start: at(world.sandbox, 3, 13),
      end: at(world.sandbox, 3, 14),
    });
    await world.sync(calendar.calendarId);
    await calendar.remove(eventId);
    const deleting = await world.sync(calendar.calendarId);
    await world.api('POST', `/runs/${deleting.run_id}/undo`);
    const relinked = await world.sync(calendar.calendarId);
    const restoredEvent = (await calendar.events()).find((e) => e.title === 'Vendor demo');
    const restoredBooking = (await world.sched.bookings(resource)).find((b) => b.title === 'Vendor demo');

    await calendar.edit(restoredEvent!.id, { title: 'Vendor demo (cancelled by vendor?)' });
    const fromCalendar = await world.sync(calendar.calendarId);
    await world.sched.update(restoredBooking!.id, { title: 'Vendor demo (confirmed)' });
    const fromSched = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(relinked).toMatchObject({ status: 'ok', deleted: nothing });
    expect(fromCalendar).toMatchObject({
      status: 'ok',
      updated: { sched: 1, external: 0 },
      created: nothing,
    });
    expect(fromSched).toMatchObject({ status: 'ok', updated: { sched: 0, external: 1 }, created: nothing });
    expect(quiet).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
    expect(titles(await calendar.events())).toEqual([
      'Board meeting (moved to 10:00)',
      'Vendor demo (confirmed)',
    ]);
    expect(titles(await world.sched.bookings(resource))).toEqual([
      'Board meeting (moved to 10:00)',
      'Vendor demo (confirmed)',
    ]);
  });

  it('undoing the run that copied a booking whose event the person had deleted since: the booking stays, uncopied until edited', async () => {
    const booking = await world.sched.create({
      resource_id: resource,
      title: 'Budget review',
      start: at(world.sandbox, 4, 9),
      end: at(world.sandbox, 4, 10),
    });
    const copying = await world.sync(calendar.calendarId);
    const copy = (await calendar.events()).find((e) => e.title === 'Budget review')!;
    await calendar.remove(copy.id);

    const undo = await world.api('POST', `/runs/${copying.run_id}/undo`);
    const after = await world.sync(calendar.calendarId);
    const stillHere = (await world.sched.bookings(resource)).map((b) => b.id);
    const eventsAfter = titles(await calendar.events());
    await world.sched.update(booking.id, { title: 'Budget review (room changed)' });
    const edited = await world.sync(calendar.calendarId);

    expect(undo.status).toBe(200);
    expect(after).toMatchObject({ status: 'ok', created: nothing, updated: nothing, deleted: nothing });
    expect(stillHere).toContain(booking.id);
    expect(eventsAfter).not.toContain('Budget review');
    expect(edited).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect(titles(await calendar.events())).toContain('Budget review (room changed)');
  });
});

describe('an undo the calendar’s sign-in refuses', () => {
  const resource = 'rsc_classroom_101';
  const jordan = 'jordan@sandbox.example';
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    const side = world.outlook(jordan);
    await side.useDefaultCalendar();
    calendar = outlookCalendar(side);
    await world.connect({
      resource_id: resource,
      calendar_service: 'microsoft',
      user: jordan,
      calendar_id: calendar.calendarId,
    });
  });

  it('writes nothing, so the booking of the person’s event stays and no later run removes her event', async () => {
    await calendar.add({ title: 'Tutoring', start: at(world.sandbox, 3, 16), end: at(world.sandbox, 3, 17) });
    const booked = await world.sync(calendar.calendarId);
    await call(`${world.sandbox.url}/sandbox/revoke`, {
      method: 'POST',
      body: { provider: 'microsoft', user: jordan },
    });

    const undo = await world.api('POST', `/runs/${booked.run_id}/undo`);

    expect(booked).toMatchObject({ status: 'ok', created: { sched: 1 } });
    expect(undo.body.run ?? undo.body).toMatchObject({ status: 'error' });
    const tutoring = (await world.sched.bookings(resource)).find((b) => b.title === 'Tutoring');
    expect(tutoring?.status).toBe('confirmed');
  });
});
