import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nothing, at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const titles = async (resource: string) => (await world.sched.bookings(resource)).map((b) => b.title);
const utc = (iso: string) => ({ dateTime: iso, timeZone: 'UTC' });
const graphTime = (iso: string) => ({ dateTime: iso.slice(0, 19), timeZone: 'UTC' });

describe('free, declined and working-location time never becomes a booking (SYNC.md, "Availability")', () => {
  const resource = 'rsc_meeting_room_a';
  const alex = 'alex@sandbox.example';

  it('imports only the busy Google events (two-way)', async () => {
    const google = world.google(alex);
    const slot = (hour: number) => ({
      start: utc(at(world.sandbox, 2, hour)),
      end: utc(at(world.sandbox, 2, hour + 1)),
    });
    await google.insert({ summary: 'Standup', ...slot(8) });
    await google.insert({ summary: 'Out of office', eventType: 'outOfOffice', ...slot(9) });
    await google.insert({ summary: 'Lunch (free)', transparency: 'transparent', ...slot(11) });
    await google.insert({
      summary: 'Offsite I declined',
      attendees: [{ email: alex, responseStatus: 'declined' }, { email: 'sam@example.com' }],
      ...slot(13),
    });
    await google.insert({
      summary: 'Home',
      eventType: 'workingLocation',
      workingLocationProperties: { type: 'homeOffice', homeOffice: {} },
      ...slot(15),
    });
    await world.connect({ resource_id: resource, calendar_service: 'google', user: alex, calendar_id: alex });

    const run = await world.sync(alex);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 2, external: 0 }, errors: 0 });
    expect(await titles(resource)).toEqual(['Standup', 'Out of office']);
  });

  it('cancels the booking of an event its owner has since declined, and blocks nothing then', async () => {
    const google = world.google(alex);
    const standup = (await google.events()).find((e) => e.summary === 'Standup');
    await google.patch(standup!.id, { attendees: [{ email: alex, responseStatus: 'declined' }] });

    const run = await world.sync(alex);
    const again = await world.sync(alex);
    const booked = await world.sched.create({
      resource_id: resource,
      title: 'Walk-in',
      start: at(world.sandbox, 2, 8),
      end: at(world.sandbox, 2, 9),
    });

    expect(run).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 0 }, created: nothing });
    expect(again).toMatchObject({ status: 'ok', created: nothing, deleted: nothing, errors: 0 });
    expect(booked.status).toBe('confirmed');
  });

  it('imports no Outlook event shown as free or working elsewhere (external-to-sched)', async () => {
    const jordan = world.outlook('jordan@sandbox.example');
    const calendarId = await jordan.useDefaultCalendar();
    const room = 'rsc_classroom_101';
    const slot = (hour: number) => ({
      start: graphTime(at(world.sandbox, 3, hour)),
      end: graphTime(at(world.sandbox, 3, hour + 1)),
    });
    await jordan.create({ subject: 'Tutorial', showAs: 'busy', ...slot(9) });
    await jordan.create({ subject: 'Tentative review', showAs: 'tentative', ...slot(10) });
    await jordan.create({ subject: 'Reading time', showAs: 'free', ...slot(12) });
    await jordan.create({ subject: 'At the other campus', showAs: 'workingElsewhere', ...slot(14) });
    await world.connect({
      resource_id: room,
      calendar_service: 'microsoft',
      user: jordan.user,
      calendar_id: calendarId,
      sync_settings: { direction: 'external-to-sched' },
    });

    const run = await world.sync(calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 2, external: 0 }, errors: 0 });
    expect(await titles(room)).toEqual(['Tutorial', 'Tentative review']);
  });
});
