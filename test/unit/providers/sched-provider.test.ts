import { describe, expect, it } from 'vitest';
import { PreconditionFailedError, SlotUnavailableError } from '../../../main/providers/port';
import {
  SchedCalendarProvider,
  SchedHttp,
  createSchedGate,
  type SchedBooking,
} from '../../../main/providers/sched';
import type { ItemFields } from '../../../main/sync';
import { FakeFetch, schedError, scripted, type Answer, type SeenRequest } from './sched-fake-fetch';

const resource = { id: 'res_1', timezone: 'Europe/Berlin' };
const window = { start: '2025-06-01T00:00:00.000Z', end: '2025-07-01T00:00:00.000Z' };

function providerWith(fake: FakeFetch): SchedCalendarProvider {
  const gate = createSchedGate({ sleep: async () => {}, random: () => 0 });
  const http = new SchedHttp({ baseUrl: 'https://sched.test/v1', apiKey: 'k', gate, fetch: fake.fetch });
  return new SchedCalendarProvider({ http, resource });
}

function booking(id: string, overrides: Partial<SchedBooking> = {}): SchedBooking {
  return {
    id,
    resource_id: resource.id,
    title: `Booking ${id}`,
    description: '',
    start: '2025-06-10T09:00:00Z',
    end: '2025-06-10T10:00:00Z',
    all_day: false,
    timezone: 'Europe/Berlin',
    status: 'confirmed',
    version: 1,
    updated_at: '2025-06-01T00:00:00Z',
    ...overrides,
  };
}

const query = (request: SeenRequest) => Object.fromEntries(request.url.searchParams);

const fields: ItemFields = {
  title: 'Imported',
  description: 'From the calendar',
  location: 'Room 4',
  start: { kind: 'instant', utc: '2025-06-12T08:00:00.000Z', zone: 'Europe/Berlin' },
  end: { kind: 'instant', utc: '2025-06-12T09:00:00.000Z', zone: 'Europe/Berlin' },
};

describe('SchedCalendarProvider.listChanges', () => {
  it('reads the window of its resource to the last page and hands on the sync token', async () => {
    const fake = scripted(
      { status: 200, body: { bookings: [booking('a')], next_page_token: 'p2' } },
      { status: 200, body: { bookings: [booking('b')], next_sync_token: 'sync-1' } },
    );
    const provider = providerWith(fake);

    const result = await provider.listChanges({ cursor: null, window });

    expect(result.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(result).toMatchObject({ full: true, deleted: [], nextCursor: 'sync-1' });
    expect(query(fake.seen[0]!)).toEqual({
      resource_id: 'res_1',
      time_min: window.start,
      time_max: window.end,
    });
    expect(provider.requestCount()).toBe(2);
  });

  it('reads changes from the sync token alone, cancellations as cancelled items', async () => {
    const fake = scripted({
      status: 200,
      body: { bookings: [booking('a', { status: 'cancelled', version: 2 })], next_sync_token: 'sync-2' },
    });

    const result = await providerWith(fake).listChanges({ cursor: 'sync-1', window });

    expect(query(fake.seen[0]!)).toEqual({ sync_token: 'sync-1' });
    expect(result.full).toBe(false);
    expect(result.items).toEqual([expect.objectContaining({ id: 'a', status: 'cancelled', version: '2' })]);
  });

  it('reports a booking moved to another resource as gone from this one', async () => {
    const fake = scripted({
      status: 200,
      body: { bookings: [booking('a', { resource_id: 'res_other' })], next_sync_token: 's' },
    });

    const result = await providerWith(fake).listChanges({ cursor: 'sync-1', window });

    // Gone from this resource, not cancelled: the booking lives on (a remap moved it there).
    expect(result.items).toEqual([]);
    expect(result.deleted).toEqual(['a']);
  });
});

describe('SchedCalendarProvider reads by id', () => {
  it('gets a booking of another resource as gone from this one, but locates it there, naming that resource', async () => {
    const elsewhere = { status: 200, body: booking('a', { resource_id: 'res_old', version: 3 }) };
    const fake = scripted(elsewhere, elsewhere, schedError(404, 'not_found', 'No booking with id b.'));
    const provider = providerWith(fake);

    const got = await provider.get('a');
    const located = await provider.locate('a');
    const missing = await provider.locate('b');

    expect(got).toBeNull();
    expect(located).toMatchObject({ id: 'a', version: '3', status: 'confirmed', resourceId: 'res_old' });
    expect(missing).toBeNull();
    expect(fake.seen.map((request) => request.url.pathname)).toEqual([
      '/v1/bookings/a',
      '/v1/bookings/a',
      '/v1/bookings/b',
    ]);
  });
});

describe('SchedCalendarProvider writes', () => {
  it('creates a confirmed booking with the idempotency key and the source', async () => {
    const fake = scripted({ status: 201, body: booking('new') });

    const created = await providerWith(fake).create({
      fields,
      idempotencyKey: 'conn:sched:ev1',
      source: { calendarService: 'google', calendarId: 'ann@example.com', eventId: 'ev1' },
    });

    expect(created.id).toBe('new');
    expect(fake.seen[0]!.headers['idempotency-key']).toBe('conn:sched:ev1');
    expect(fake.seen[0]!.body).toEqual({
      resource_id: 'res_1',
      title: 'Imported',
      description: 'From the calendar',
      start: '2025-06-12T08:00:00Z',
      end: '2025-06-12T09:00:00Z',
      all_day: false,
      timezone: 'Europe/Berlin',
      status: 'confirmed',
      source: { calendar_service: 'google', calendar_id: 'ann@example.com', event_id: 'ev1' },
    });
  });

  it('passes on a taken slot as SlotUnavailableError', async () => {
    const fake = scripted(schedError(409, 'slot_unavailable', 'Overlaps.', { conflicting_booking_id: 'x' }));

    await expect(providerWith(fake).create({ fields, idempotencyKey: 'k' })).rejects.toBeInstanceOf(
      SlotUnavailableError,
    );
  });

  it('updates only the synced fields and its resource (a remap moves a booking so), against the version', async () => {
    const fake = scripted({ status: 200, body: booking('a', { version: 4 }) });

    const updated = await providerWith(fake).update('a', fields, { ifMatch: '3' });

    expect(updated.version).toBe('4');
    expect(fake.seen[0]!.headers['if-match']).toBe('"3"');
    expect(Object.keys(fake.seen[0]!.body as object).sort()).toEqual([
      'all_day',
      'description',
      'end',
      'resource_id',
      'start',
      'timezone',
      'title',
    ]);
  });

  it('treats cancelling a booking Sched no longer has as done', async () => {
    const fake = scripted(schedError(404, 'not_found', 'No booking with id a.'));

    await expect(providerWith(fake).delete('a')).resolves.toBeUndefined();
  });

  it('treats a stale version on a booking already cancelled as done', async () => {
    const answers: Answer[] = [
      schedError(412, 'version_mismatch', 'Booking a is at version 2.'),
      { status: 200, body: booking('a', { status: 'cancelled', version: 2 }) },
    ];
    const fake = new FakeFetch((_, index) => answers[index]!);

    await expect(providerWith(fake).delete('a', { ifMatch: '1' })).resolves.toBeUndefined();
    expect(fake.seen.map((r) => r.method)).toEqual(['DELETE', 'GET']);
  });

  it('refuses to cancel a booking that changed since the version given', async () => {
    const answers: Answer[] = [
      schedError(412, 'version_mismatch', 'Booking a is at version 2.'),
      { status: 200, body: booking('a', { version: 2 }) },
    ];
    const fake = new FakeFetch((_, index) => answers[index]!);

    await expect(providerWith(fake).delete('a', { ifMatch: '1' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });
});
