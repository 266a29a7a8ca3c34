/**
 * Blocked time in the schedule view (SYNC.md, "Availability"), against the sandbox through the agent's HTTP API: a
 * Sched availability exception shows as blocked time in the resource's words, in either `inbound_as` mode, and a
 * busy block made from a person's own event stays joined to that event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type JsonBody } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, dateIn, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
const room = 'rsc_meeting_room_a';
const doctor = 'rsc_dr_maria_lopez';
const graphTime = (iso: string) => ({ dateTime: iso.slice(0, 19), timeZone: 'UTC' });

beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

interface Item {
  side: string;
  kind: string;
  id: string;
  title: string;
  state: string;
  linked_id: string | null;
}

const week = async (calendarId: string): Promise<Item[]> => {
  const answer = await world.api(
    'GET',
    `/calendars/${encodeURIComponent(calendarId)}/schedule/${dateIn(world.sandbox, 0)}/${dateIn(world.sandbox, 6)}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.items as Item[];
};

/** Blocks `resourceId` in Sched itself, as an administrator would for a holiday or maintenance. */
async function blockInSched(resourceId: string, fields: Record<string, unknown>): Promise<JsonBody> {
  const { sched } = world.sandbox.info;
  const answer = await call(`${sched.base_url}/resources/${resourceId}/availability/exceptions`, {
    method: 'POST',
    token: sched.api_key,
    body: fields,
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('blocked time in the schedule of a connection', () => {
  let calendar: ExternalCalendar;

  it('shows an exception made in Sched as blocked time by its reason, kept in Sched under inbound_as: bookings', async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.sched.create({
      resource_id: room,
      title: 'Induction',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });
    const maintenance = await blockInSched(room, {
      start: at(world.sandbox, 3, 9),
      end: at(world.sandbox, 3, 12),
      reason: 'Maintenance: new projector',
    });
    await world.connect({
      resource_id: room,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    const run = await world.sync(calendar.calendarId);

    const items = await week(calendar.calendarId);

    expect(run).toMatchObject({ created: { sched: 0, external: 1 } });
    expect(items.filter((i) => i.side === 'sched')).toEqual([
      expect.objectContaining({ kind: 'booking', title: 'Induction', state: 'in-sync' }),
      {
        side: 'sched',
        kind: 'blocked',
        id: expect.stringContaining(String(maintenance.id)),
        title: 'Maintenance: new projector',
        description: '',
        location: '',
        start: expect.stringContaining('T09:00:00'),
        end: expect.stringContaining('T12:00:00'),
        all_day: false,
        state: 'not-synced',
        linked_id: null,
        conflict_id: null,
        history: [],
      },
    ]);
    expect(items.filter((i) => i.side === 'external')).toEqual([
      expect.objectContaining({ kind: 'event', title: 'Induction', state: 'in-sync' }),
    ]);
  });

  it('leaves a cancelled exception out', async () => {
    const holiday = await blockInSched(room, {
      start: dateIn(world.sandbox, 4),
      end: dateIn(world.sandbox, 5),
      all_day: true,
      reason: 'Public holiday',
    });
    const before = await week(calendar.calendarId);
    const { sched } = world.sandbox.info;
    await call(`${sched.base_url}/resources/${room}/availability/exceptions/${String(holiday.id)}`, {
      method: 'DELETE',
      token: sched.api_key,
    });
    const after = await week(calendar.calendarId);

    expect(before.filter((i) => i.kind === 'blocked').map((i) => i.title)).toEqual([
      'Maintenance: new projector',
      'Public holiday',
    ]);
    expect(after.filter((i) => i.kind === 'blocked').map((i) => i.title)).toEqual([
      'Maintenance: new projector',
    ]);
  });

  it('joins the busy block made from a person’s own event to that event, in sync, under inbound_as: busy', async () => {
    const jordan = world.outlook('jordan@sandbox.example');
    const calendarId = await jordan.useDefaultCalendar();
    await jordan.create({
      subject: 'Dentist',
      showAs: 'busy',
      start: graphTime(at(world.sandbox, 2, 9)),
      end: graphTime(at(world.sandbox, 2, 10)),
    });
    await blockInSched(doctor, {
      start: at(world.sandbox, 5, 13),
      end: at(world.sandbox, 5, 17),
      reason: 'Training',
    });
    await world.connect({
      resource_id: doctor,
      calendar_service: 'microsoft',
      user: 'jordan@sandbox.example',
      calendar_id: calendarId,
      sync_settings: { inbound_as: 'busy', privacy: 'full', direction: 'two-way' },
    });
    const before = await week(calendarId);
    await world.sync(calendarId);
    const after = await week(calendarId);

    const block = after.find((i) => i.side === 'sched' && i.title === 'Dentist');
    const event = after.find((i) => i.side === 'external' && i.title === 'Dentist');
    expect(before.find((i) => i.side === 'sched' && i.title === 'Training')).toMatchObject({
      kind: 'blocked',
      state: 'waiting',
    });
    expect(block).toMatchObject({ kind: 'blocked', state: 'in-sync', linked_id: event?.id });
    expect(event).toMatchObject({ kind: 'event', state: 'in-sync', linked_id: block?.id });
    expect(after.find((i) => i.side === 'sched' && i.title === 'Training')).toMatchObject({
      kind: 'blocked',
      state: 'in-sync',
    });
    expect(after.find((i) => i.side === 'external' && i.title === 'Unavailable: Training')).toMatchObject({
      kind: 'event',
      state: 'in-sync',
    });
  });
});
