import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, outlookCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const shown = async (calendar: ExternalCalendar) =>
  (await calendar.events()).map((e) => ({ title: e.title, description: e.description }));

describe.each([
  {
    service: 'Google',
    resource: 'rsc_meeting_room_a',
    calendar: () => googleCalendar(world.google('alex@sandbox.example')),
  },
  {
    service: 'Outlook',
    resource: 'rsc_classroom_101',
    calendar: async () => {
      const riley = world.outlook('riley@sandbox.example');
      await riley.useDefaultCalendar();
      return outlookCalendar(riley);
    },
  },
])('a switch of privacy rewrites the copies already in $service', ({ resource, calendar: open }) => {
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = await open();
    await world.connect({
      resource_id: resource,
      calendar_service: calendar.service,
      user: calendar.user,
      calendar_id: calendar.calendarId,
      sync_settings: { direction: 'two-way' },
    });
    await world.sched.create({
      resource_id: resource,
      title: 'Board meeting',
      description: 'Budget 2027, salaries',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await world.sync(calendar.calendarId);
  });

  it('to busy-only: the booking already copied shows as "Busy", with no details, in one write', async () => {
    await world.settings(calendar.calendarId, { privacy: 'busy-only' });

    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', updated: { sched: 0, external: 1 }, created: nothing });
    expect(await shown(calendar)).toEqual([{ title: 'Busy', description: '' }]);
    expect(quiet).toMatchObject({ status: 'ok', updated: nothing, created: nothing, deleted: nothing });
    expect((await world.sched.bookings(resource)).map((b) => b.title)).toEqual(['Board meeting']);
  });

  it('back to full: the copy shows the booking’s title and details again', async () => {
    await world.settings(calendar.calendarId, { privacy: 'full' });

    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', updated: { sched: 0, external: 1 }, created: nothing });
    expect(await shown(calendar)).toEqual([{ title: 'Board meeting', description: 'Budget 2027, salaries' }]);
    expect(quiet).toMatchObject({ status: 'ok', updated: nothing, created: nothing, deleted: nothing });
  });

  it('to busy-only, then the copy moved in the calendar: the booking moves and the copy reads "Busy", in one run', async () => {
    await world.settings(calendar.calendarId, { privacy: 'busy-only' });
    const [copy] = await calendar.events();
    await calendar.edit(copy!.id, { start: at(world.sandbox, 1, 14), end: at(world.sandbox, 1, 15) });

    const run = await world.sync(calendar.calendarId);
    const quiet = await world.sync(calendar.calendarId);

    expect(run).toMatchObject({ status: 'ok', updated: { sched: 1, external: 1 }, created: nothing });
    expect(await shown(calendar)).toEqual([{ title: 'Busy', description: '' }]);
    const [booking] = await world.sched.bookings(resource);
    expect(booking).toMatchObject({ title: 'Board meeting', start: at(world.sandbox, 1, 14) });
    expect(quiet).toMatchObject({ status: 'ok', updated: nothing, created: nothing, deleted: nothing });
  });
});
