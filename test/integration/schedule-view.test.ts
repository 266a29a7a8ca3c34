/**
 * The schedule view's operation and the run details, against the sandbox through the agent's HTTP API: a week of a
 * connection read from both sides, each item marked against the link store, and what each run wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, dateIn, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
let calendar: ExternalCalendar;
const resource = 'rsc_meeting_room_a';

beforeAll(async () => {
  world = await startSyncWorld();
  calendar = googleCalendar(world.google('alex@sandbox.example'));
});
afterAll(async () => {
  await world?.dispose();
});

const schedule = (from: string, to: string) =>
  world.api('GET', `/calendars/${encodeURIComponent(calendar.calendarId)}/schedule/${from}/${to}`);

interface Item {
  side: string;
  id: string;
  title: string;
  state: string;
  linked_id: string | null;
  conflict_id: string | null;
  history: { action: string; side: string }[];
}
const titled = (items: Item[], side: string, title: string) =>
  items.find((i) => i.side === side && i.title === title);

describe('the schedule of a connection', () => {
  let bookingId = '';
  let firstRun = '';

  it('joins a synced pair and tells what the first run wrote', async () => {
    const booking = await world.sched.create({
      resource_id: resource,
      title: 'Induction',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    bookingId = booking.id;
    await world.connect({
      resource_id: resource,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    const run = await world.sync(calendar.calendarId);
    firstRun = run.run_id;

    const week = await schedule(dateIn(world.sandbox, 0), dateIn(world.sandbox, 6));
    const details = await world.api('GET', `/runs/${firstRun}/items`);

    const items = week.body.items as Item[];
    const copy = titled(items, 'external', 'Induction');
    expect(week.status).toBe(200);
    expect(titled(items, 'sched', 'Induction')).toMatchObject({
      id: bookingId,
      state: 'in-sync',
      linked_id: copy?.id,
      history: [],
    });
    expect(copy).toMatchObject({ state: 'in-sync', linked_id: bookingId, history: [{ action: 'create' }] });
    expect(details.body.run).toMatchObject({ run_id: firstRun, trigger: 'manual' });
    expect(details.body.items).toEqual([
      expect.objectContaining({
        side: 'external',
        action: 'create',
        title: 'Induction',
        before: null,
        after: expect.objectContaining({ title: 'Induction' }),
        undone: false,
      }),
    ]);
  });

  it('marks an edit and a new event as waiting for the next run, then in sync after it', async () => {
    await world.sched.update(bookingId, { title: 'Induction (room 2)' });
    await calendar.add({ title: 'Dentist', start: at(world.sandbox, 3, 14), end: at(world.sandbox, 3, 15) });

    const before = (await schedule(dateIn(world.sandbox, 0), dateIn(world.sandbox, 6))).body.items as Item[];
    const run = await world.sync(calendar.calendarId);
    const after = (await schedule(dateIn(world.sandbox, 0), dateIn(world.sandbox, 6))).body.items as Item[];
    const details = await world.api('GET', `/runs/${run.run_id}/items`);

    expect(titled(before, 'sched', 'Induction (room 2)')?.state).toBe('waiting');
    expect(titled(before, 'external', 'Induction')?.state).toBe('in-sync');
    expect(titled(before, 'external', 'Dentist')).toMatchObject({ state: 'waiting', linked_id: null });
    expect(after.filter((i) => i.state !== 'in-sync')).toEqual([]);
    expect(titled(after, 'external', 'Induction (room 2)')?.history.map((h) => h.action)).toEqual([
      'update',
      'create',
    ]);
    expect(details.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          side: 'external',
          action: 'update',
          before: expect.objectContaining({ title: 'Induction' }),
          after: expect.objectContaining({ title: 'Induction (room 2)' }),
        }),
        expect.objectContaining({ side: 'sched', action: 'create', title: 'Dentist' }),
      ]),
    );
  });

  it('marks an event that collides with a booking as a conflict', async () => {
    await calendar.add({ title: 'Band', start: at(world.sandbox, 2, 9, 30), end: at(world.sandbox, 2, 11) });
    await world.sync(calendar.calendarId);

    const items = (await schedule(dateIn(world.sandbox, 2), dateIn(world.sandbox, 2))).body.items as Item[];
    const conflicts = await world.api('GET', '/conflicts');

    expect(titled(items, 'external', 'Band')).toMatchObject({
      state: 'conflict',
      conflict_id: conflicts.body.conflicts[0].id,
    });
    expect(items.map((i) => i.title).sort()).toEqual(['Band', 'Induction (room 2)', 'Induction (room 2)']);
  });

  it('refuses a range that ends before it starts, or a day that does not exist, naming the field', async () => {
    const backwards = await schedule(dateIn(world.sandbox, 3), dateIn(world.sandbox, 1));
    const unreal = await schedule('2025-02-30', '2025-03-02');
    const unknown = await world.api('GET', '/runs/no-such-run/items');

    expect(backwards).toMatchObject({
      status: 400,
      body: { error: { code: 'validation', message: expect.stringMatching(/^to: /) } },
    });
    expect(unreal).toMatchObject({
      status: 400,
      body: { error: { code: 'validation', message: expect.stringMatching(/^from: /) } },
    });
    expect(unknown.status).toBe(404);
  });
});
