import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../../main/providers/gate';
import {
  AuthError,
  CursorExpiredError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  SlotUnavailableError,
} from '../../../main/providers/port';
import {
  SchedApiKeyError,
  SchedBookingsClient,
  SchedHttp,
  SchedRegistryClient,
  SchedRequestError,
  createSchedGate,
  type SchedBooking,
} from '../../../main/providers/sched';
import { schedError, scripted, type FakeFetch } from './sched-fake-fetch';

const apiKey = 'sched_test_key_0123456789';
const baseUrl = 'https://sched.test/v1/';

/** A gate on a fake clock: sleeping moves the clock, so waits cost no real time. */
function httpWith(fake: FakeFetch, gateOptions: Parameters<typeof createSchedGate>[0] = {}): SchedHttp {
  let nowMs = Date.parse('2025-06-01T00:00:00Z');
  const gate = createSchedGate({
    now: () => nowMs,
    sleep: async (ms) => {
      nowMs += ms;
    },
    random: () => 0,
    ...gateOptions,
  });
  return new SchedHttp({ baseUrl, apiKey, gate, fetch: fake.fetch });
}

/** The bookings client over a fake Sched. */
function bookingsWith(fake: FakeFetch, gateOptions: Parameters<typeof createSchedGate>[0] = {}) {
  return new SchedBookingsClient(httpWith(fake, gateOptions));
}

/** The resources and Connected Calendars client over a fake Sched. */
function registryWith(fake: FakeFetch, gateOptions: Parameters<typeof createSchedGate>[0] = {}) {
  return new SchedRegistryClient(httpWith(fake, gateOptions));
}

const aBooking: SchedBooking = {
  id: 'bkg_1',
  resource_id: 'res_1',
  title: 'Lesson',
  description: '',
  start: '2025-06-10T09:00:00Z',
  end: '2025-06-10T10:00:00Z',
  all_day: false,
  timezone: 'UTC',
  status: 'confirmed',
  version: 1,
};

describe('Sched clients: requests', () => {
  it('sends the API key as a bearer token below the base URL', async () => {
    const fake = scripted({ status: 200, body: { resources: [{ id: 'r', name: 'Room', timezone: 'UTC' }] } });

    const resources = await registryWith(fake).listResources();

    expect(resources).toEqual([{ id: 'r', name: 'Room', timezone: 'UTC' }]);
    expect(fake.seen[0]!.url.href).toBe('https://sched.test/v1/resources');
    expect(fake.seen[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it('reads every page of a window and returns the last page’s sync token', async () => {
    const fake = scripted(
      { status: 200, body: { bookings: [aBooking], next_page_token: 'p2' } },
      { status: 200, body: { bookings: [{ ...aBooking, id: 'bkg_2' }], next_sync_token: 's1' } },
    );

    const result = await bookingsWith(fake).listAllBookings({
      resource_id: 'res_1',
      time_min: '2025-06-01T00:00:00Z',
      time_max: '2025-07-01T00:00:00Z',
    });

    expect(result.bookings.map((b) => b.id)).toEqual(['bkg_1', 'bkg_2']);
    expect(result.nextSyncToken).toBe('s1');
    const [first, second] = fake.seen.map((r) => Object.fromEntries(r.url.searchParams));
    expect(first).toEqual({
      resource_id: 'res_1',
      time_min: '2025-06-01T00:00:00Z',
      time_max: '2025-07-01T00:00:00Z',
    });
    expect(second).toMatchObject({ resource_id: 'res_1', page_token: 'p2' });
  });

  it('sends the Idempotency-Key on a create', async () => {
    const fake = scripted({ status: 201, body: aBooking });

    await bookingsWith(fake).createBooking({ resource_id: 'res_1', title: 'Lesson' }, 'conn:sched:ev1');

    expect(fake.seen[0]!.method).toBe('POST');
    expect(fake.seen[0]!.headers['idempotency-key']).toBe('conn:sched:ev1');
    expect(fake.seen[0]!.body).toEqual({ resource_id: 'res_1', title: 'Lesson' });
  });

  it('sends a key longer than Sched accepts as its digest, the same every time', async () => {
    const fake = scripted({ status: 201, body: aBooking });
    const client = bookingsWith(fake);
    const long = 'x'.repeat(400);

    await client.createBooking({ title: 'A' }, long);
    await client.createBooking({ title: 'A' }, long);

    const keys = fake.seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('sends the version as a quoted If-Match on an update', async () => {
    const fake = scripted({ status: 200, body: { ...aBooking, version: 2 } });

    await bookingsWith(fake).updateBooking('bkg_1', { title: 'Renamed' }, '1');

    expect(fake.seen[0]!.method).toBe('PUT');
    expect(fake.seen[0]!.url.pathname).toBe('/v1/bookings/bkg_1');
    expect(fake.seen[0]!.headers['if-match']).toBe('"1"');
  });

  it('escapes calendar ids in paths', async () => {
    const fake = scripted({ status: 200, body: { message: 'Calendar disconnected successfully.' } });

    await registryWith(fake).disconnectCalendar('team#holidays@group.calendar.google.com');

    expect(fake.seen[0]!.url.pathname).toBe('/v1/calendars/team%23holidays%40group.calendar.google.com');
  });
});

describe('Sched clients: errors', () => {
  it('says the API key was refused on a 401, without the key', async () => {
    const fake = scripted(schedError(401, 'unauthorized', 'Send the Sched API key.'));

    const failure = await registryWith(fake)
      .listResources()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SchedApiKeyError);
    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as Error).message).toMatch(/Sched refused the API key/);
    expect((failure as Error).message).not.toContain(apiKey);
  });

  it('turns a 410 on the change feed into CursorExpiredError', async () => {
    const fake = scripted(schedError(410, 'sync_token_expired', 'This sync_token is too old.'));

    await expect(bookingsWith(fake).listBookingsPage({ sync_token: 'old' })).rejects.toBeInstanceOf(
      CursorExpiredError,
    );
  });

  it('turns a 412 into PreconditionFailedError', async () => {
    const fake = scripted(schedError(412, 'version_mismatch', 'Booking bkg_1 is at version 2.'));

    await expect(bookingsWith(fake).updateBooking('bkg_1', {}, '1')).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('turns 409 slot_unavailable into SlotUnavailableError naming the booking in the way', async () => {
    const fake = scripted(
      schedError(409, 'slot_unavailable', 'The slot overlaps.', { conflicting_booking_id: 'bkg_9' }),
    );

    const failure = await bookingsWith(fake)
      .createBooking({ title: 'A' }, 'k')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SlotUnavailableError);
    expect((failure as SlotUnavailableError).conflictingBookingId).toBe('bkg_9');
  });

  it('turns 409 slot_unavailable over an exception into SlotUnavailableError naming the exception', async () => {
    const fake = scripted(
      schedError(409, 'slot_unavailable', 'The resource is unavailable.', {
        conflicting_exception_id: 'exc_4',
      }),
    );

    const failure = await bookingsWith(fake)
      .createBooking({ title: 'A' }, 'k')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SlotUnavailableError);
    expect(failure).toMatchObject({ conflictingBookingId: undefined, blockedBy: { exceptionId: 'exc_4' } });
    expect((failure as Error).message).toBe(
      'The slot is blocked in Sched. Choose "import anyway" or "skip".',
    );
  });

  it('answers null for a booking Sched does not have', async () => {
    const fake = scripted(schedError(404, 'not_found', 'No booking with id bkg_x.'));

    expect(await bookingsWith(fake).getBooking('bkg_x')).toBeNull();
  });

  it('turns a 404 on a calendar into NotFoundError', async () => {
    const fake = scripted(schedError(404, 'not_found', 'Calendar c is not connected.'));

    await expect(registryWith(fake).disconnectCalendar('c')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the operation and Sched’s reason on other refusals', async () => {
    const fake = scripted(schedError(400, 'validation_error', 'title: must not be blank.'));

    const failure = await bookingsWith(fake)
      .createBooking({ title: '' }, 'k')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SchedRequestError);
    expect((failure as Error).message).toBe(
      'Sched refused to create a booking (HTTP 400 validation_error: title: must not be blank.).',
    );
  });

  it('says Sched could not be reached when the connection is refused', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const fake = scripted({ throws: refused });

    await expect(registryWith(fake).listResources()).rejects.toThrow(
      'Sched could not be reached to list resources (ECONNREFUSED)',
    );
  });
});

describe('Sched clients: retries and counting', () => {
  it('waits as Retry-After asks and retries a 429', async () => {
    let nowMs = 0;
    const fake = scripted(
      { ...schedError(429, 'rate_limited', 'Too many requests.'), headers: { 'retry-after': '2' } },
      { status: 200, body: { calendars: [] } },
    );
    const client = registryWith(fake, {
      now: () => nowMs,
      sleep: async (ms) => {
        nowMs += ms;
      },
    });

    await client.listCalendars();

    expect(nowMs).toBe(2_000);
    expect(client.requestCount()).toBe(2);
  });

  it('retries 5xx and dropped connections, then succeeds', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const fake = scripted(
      schedError(503, 'unavailable', 'Down.'),
      { throws: reset },
      { status: 200, body: aBooking },
    );
    const client = bookingsWith(fake);

    expect(await client.getBooking('bkg_1')).toMatchObject({ id: 'bkg_1' });
    expect(client.requestCount()).toBe(3);
  });

  it('gives up with ServiceUnavailableError when Sched stays down', async () => {
    const fake = scripted(schedError(503, 'unavailable', 'Down.'));
    const client = registryWith(fake, { maxAttempts: 3 });

    await expect(client.listResources()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(fake.seen).toHaveLength(3);
  });

  it('says what Sched answered last when it stays down', async () => {
    const fake = scripted(schedError(503, 'maintenance', 'Back at 22:00 UTC.'));

    const failure = await registryWith(fake, { maxAttempts: 2 })
      .listResources()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ServiceUnavailableError);
    expect((failure as Error).message).toBe(
      'Sched kept failing (HTTP 503 maintenance: Back at 22:00 UTC.) after 2 attempts; syncing resumes on the next run.',
    );
  });

  it('gives up with RateLimitError when the 429s outlast the retries', async () => {
    const fake = scripted(schedError(429, 'rate_limited', 'Too many requests.'));

    await expect(registryWith(fake, { maxAttempts: 2 }).listResources()).rejects.toBeInstanceOf(
      RateLimitError,
    );
  });

  it('counts per scope while sharing the account’s gate', async () => {
    const fake = scripted({ status: 200, body: { resources: [] } });
    const http = httpWith(fake);
    const scope = http.scoped();

    await new SchedRegistryClient(http).listResources();
    await new SchedRegistryClient(scope).listResources();
    await new SchedBookingsClient(scope).getBooking('bkg_1');

    expect(http.requestCount()).toBe(1);
    expect(scope.requestCount()).toBe(2);
    expect(http.gate.requests).toBe(3);
  });
});
