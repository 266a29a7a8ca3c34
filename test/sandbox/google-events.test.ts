import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { alex, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

interface ApiError {
  status: number;
  response: { data: { error: { code: number; errors: { reason: string; domain: string }[] } } };
}

function failure(promise: Promise<unknown>): Promise<ApiError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ApiError,
  );
}

const meeting = {
  summary: 'Room booking',
  start: { dateTime: '2025-03-10T09:00:00', timeZone: 'America/New_York' },
  end: { dateTime: '2025-03-10T10:00:00', timeZone: 'America/New_York' },
};

describe('Google stand-in: event writes', () => {
  let world: GoogleTestWorld;
  let calendar: calendar_v3.Calendar;
  beforeEach(async () => {
    world = await startGoogleTestServer('empty');
    calendar = world.calendarFor(alex);
  });
  afterEach(() => world.close());

  it('inserts an event with a client-chosen id and returns Google’s server fields', async () => {
    const { data } = await calendar.events.insert({
      calendarId: 'primary',
      sendUpdates: 'none',
      requestBody: { id: 'booking0001abc', ...meeting, extendedProperties: { private: { bookingId: 'b1' } } },
    });

    expect(data).toMatchObject({
      kind: 'calendar#event',
      id: 'booking0001abc',
      status: 'confirmed',
      sequence: 0,
      iCalUID: 'booking0001abc@google.com',
      created: '2025-03-05T12:00:00.000Z',
      updated: '2025-03-05T12:00:00.000Z',
      start: { dateTime: '2025-03-10T09:00:00-04:00', timeZone: 'America/New_York' },
      end: { dateTime: '2025-03-10T10:00:00-04:00', timeZone: 'America/New_York' },
      extendedProperties: { private: { bookingId: 'b1' } },
    });
    expect(data.etag).toMatch(/^"\d+"$/);
    expect(data.htmlLink).toMatch(/^http.*eid=/);
  });

  it('gives an event without an id a base32hex id of its own', async () => {
    const { data } = await calendar.events.insert({ calendarId: 'primary', requestBody: meeting });

    expect(data.id).toMatch(/^[a-v0-9]{26}$/);
  });

  it('refuses an id outside base32hex with 400 and a second insert with the same id with 409 duplicate', async () => {
    await calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'again00001', ...meeting } });

    const badId = await failure(
      calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'Not_Base32', ...meeting } }),
    );
    const duplicate = await failure(
      calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'again00001', ...meeting } }),
    );

    expect(badId.status).toBe(400);
    expect(duplicate.status).toBe(409);
    expect(duplicate.response.data.error.errors[0]?.reason).toBe('duplicate');
  });

  it('stores all-day events as dates', async () => {
    const { data } = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { summary: 'Holiday', start: { date: '2025-03-12' }, end: { date: '2025-03-13' } },
    });

    const fetched = await calendar.events.get({ calendarId: 'primary', eventId: data.id! });

    expect(fetched.data.start).toEqual({ date: '2025-03-12' });
    expect(fetched.data.end).toEqual({ date: '2025-03-13' });
  });

  it('refuses an empty time range and a local time without a zone with 400', async () => {
    const backwards = await failure(
      calendar.events.insert({
        calendarId: 'primary',
        requestBody: { start: meeting.end, end: meeting.start },
      }),
    );
    const zoneless = await failure(
      calendar.events.insert({
        calendarId: 'primary',
        requestBody: { start: { dateTime: '2025-03-10T09:00:00' }, end: { dateTime: '2025-03-10T10:00:00' } },
      }),
    );

    expect(backwards.status).toBe(400);
    expect(backwards.response.data.error.errors[0]?.reason).toBe('timeRangeEmpty');
    expect(zoneless.status).toBe(400);
  });

  it('changes etag, updated and sequence on update, and answers 412 to a stale If-Match', async () => {
    const created = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { id: 'etag000001', ...meeting },
    });
    world.clock.advance(60_000);

    const moved = await calendar.events.update(
      {
        calendarId: 'primary',
        eventId: 'etag000001',
        requestBody: {
          ...meeting,
          start: { dateTime: '2025-03-10T11:00:00-04:00' },
          end: { dateTime: '2025-03-10T12:00:00-04:00' },
        },
      },
      { headers: { 'If-Match': created.data.etag! } },
    );
    const stale = await failure(
      calendar.events.update(
        { calendarId: 'primary', eventId: 'etag000001', requestBody: meeting },
        { headers: { 'If-Match': created.data.etag! } },
      ),
    );

    expect(moved.data.etag).not.toBe(created.data.etag);
    expect(moved.data.updated).toBe('2025-03-05T12:01:00.000Z');
    expect(moved.data.sequence).toBe(1);
    expect(moved.data.start?.dateTime).toBe('2025-03-10T11:00:00-04:00');
    expect(stale.status).toBe(412);
    expect(stale.response.data.error.errors[0]?.reason).toBe('conditionNotMet');
  });

  it('patches only the fields sent, merging extended properties', async () => {
    await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { id: 'patch00001', ...meeting, extendedProperties: { private: { a: '1' } } },
    });

    const { data } = await calendar.events.patch({
      calendarId: 'primary',
      eventId: 'patch00001',
      requestBody: { description: 'Bring slides', extendedProperties: { private: { b: '2' } } },
    });

    expect(data.summary).toBe('Room booking');
    expect(data.description).toBe('Bring slides');
    expect(data.extendedProperties?.private).toEqual({ a: '1', b: '2' });
    expect(data.start?.dateTime).toBe('2025-03-10T09:00:00-04:00');
  });

  it('replaces everything on update, dropping fields not sent', async () => {
    await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { id: 'update0001', ...meeting, description: 'old', location: 'Room A' },
    });

    const { data } = await calendar.events.update({
      calendarId: 'primary',
      eventId: 'update0001',
      requestBody: { ...meeting, summary: 'Renamed' },
    });

    expect(data.summary).toBe('Renamed');
    expect(data.description).toBeUndefined();
    expect(data.location).toBeUndefined();
  });

  it('deletes by cancelling: the event stays readable as cancelled and a second delete is 410', async () => {
    await calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'delete0001', ...meeting } });

    const deleted = await calendar.events.delete({
      calendarId: 'primary',
      eventId: 'delete0001',
      sendUpdates: 'none',
    });
    const fetched = await calendar.events.get({ calendarId: 'primary', eventId: 'delete0001' });
    const again = await failure(calendar.events.delete({ calendarId: 'primary', eventId: 'delete0001' }));

    expect(deleted.status).toBe(204);
    expect(fetched.data.status).toBe('cancelled');
    expect(again.status).toBe(410);
  });

  it('refuses a delete with a stale If-Match and keeps the event', async () => {
    const created = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { id: 'delete0002', ...meeting },
    });
    await calendar.events.patch({
      calendarId: 'primary',
      eventId: 'delete0002',
      requestBody: { summary: 'Moved on' },
    });

    const stale = await failure(
      calendar.events.delete(
        { calendarId: 'primary', eventId: 'delete0002' },
        { headers: { 'If-Match': created.data.etag! } },
      ),
    );
    const fetched = await calendar.events.get({ calendarId: 'primary', eventId: 'delete0002' });

    expect(stale.status).toBe(412);
    expect(fetched.data.status).toBe('confirmed');
  });

  it('answers 404 in Google’s format for an unknown event', async () => {
    const missing = await failure(calendar.events.get({ calendarId: 'primary', eventId: 'nothere000' }));

    expect(missing.status).toBe(404);
    expect(missing.response.data.error).toMatchObject({ code: 404, errors: [{ reason: 'notFound' }] });
  });
});
