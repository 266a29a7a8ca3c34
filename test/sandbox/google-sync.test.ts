import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { alex, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

interface ApiError {
  status: number;
  response: { data: { error: { errors: { reason: string }[] } } };
}

const slot = {
  start: { dateTime: '2025-03-10T09:00:00Z' },
  end: { dateTime: '2025-03-10T10:00:00Z' },
};
const weekly = {
  summary: 'Weekly',
  start: { dateTime: '2025-03-03T09:00:00', timeZone: 'Europe/London' },
  end: { dateTime: '2025-03-03T09:30:00', timeZone: 'Europe/London' },
  recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
};

describe('Google stand-in: incremental sync', () => {
  let world: GoogleTestWorld;
  let calendar: calendar_v3.Calendar;
  const list = (params: calendar_v3.Params$Resource$Events$List = {}) =>
    calendar.events.list({ calendarId: 'primary', ...params }).then((r) => r.data);
  const fullSyncToken = async (params: calendar_v3.Params$Resource$Events$List = {}) =>
    (await list(params)).nextSyncToken!;

  beforeEach(async () => {
    world = await startGoogleTestServer('empty');
    calendar = world.calendarFor(alex);
  });
  afterEach(() => world.close());

  it('returns everything changed since the token, cancelled events included', async () => {
    await calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'untouched1', ...slot } });
    await calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'edited0001', ...slot } });
    await calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'removed001', ...slot } });
    const token = await fullSyncToken();

    await calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'added00001', ...slot } });
    await calendar.events.patch({
      calendarId: 'primary',
      eventId: 'edited0001',
      requestBody: { summary: 'New' },
    });
    await calendar.events.delete({ calendarId: 'primary', eventId: 'removed001' });
    const changes = await list({ syncToken: token });

    expect(changes.items?.map((e) => [e.id, e.status]).sort()).toEqual([
      ['added00001', 'confirmed'],
      ['edited0001', 'confirmed'],
      ['removed001', 'cancelled'],
    ]);
    expect(changes.nextSyncToken).toBeTruthy();
  });

  it('answers an idle incremental list with no items and a fresh token', async () => {
    const token = await fullSyncToken();

    const idle = await list({ syncToken: token });
    const again = await list({ syncToken: idle.nextSyncToken! });

    expect(idle.items).toEqual([]);
    expect(again.items).toEqual([]);
  });

  it('pages an incremental list and ends with the next sync token', async () => {
    const token = await fullSyncToken();
    for (let i = 0; i < 3; i++) await calendar.events.insert({ calendarId: 'primary', requestBody: slot });

    const first = await list({ syncToken: token, maxResults: 2 });
    const last = await list({ syncToken: token, maxResults: 2, pageToken: first.nextPageToken! });

    expect(first.items).toHaveLength(2);
    expect(first.nextSyncToken).toBeUndefined();
    expect(last.items).toHaveLength(1);
    expect(last.nextSyncToken).toBeTruthy();
  });

  it('reports a change made between pages on the next incremental list', async () => {
    for (let i = 0; i < 3; i++) await calendar.events.insert({ calendarId: 'primary', requestBody: slot });
    const first = await list({ maxResults: 2 });
    await calendar.events.patch({
      calendarId: 'primary',
      eventId: first.items![0]!.id!,
      requestBody: { summary: 'Changed mid-list' },
    });

    const last = await list({ maxResults: 2, pageToken: first.nextPageToken! });
    const changes = await list({ syncToken: last.nextSyncToken! });

    expect(changes.items?.map((e) => e.summary)).toEqual(['Changed mid-list']);
  });

  it.each([
    ['timeMin', { timeMin: '2025-03-01T00:00:00Z' }],
    ['timeMax', { timeMax: '2025-03-01T00:00:00Z' }],
    ['q', { q: 'x' }],
    ['updatedMin', { updatedMin: '2025-03-01T00:00:00Z' }],
    ['orderBy', { orderBy: 'updated' }],
    ['iCalUID', { iCalUID: 'x@google.com' }],
    ['privateExtendedProperty', { privateExtendedProperty: ['a=b'] }],
    ['sharedExtendedProperty', { sharedExtendedProperty: ['a=b'] }],
  ])('refuses syncToken together with %s with 400', async (_name, params) => {
    const token = await fullSyncToken();

    const error = (await list({ syncToken: token, ...params }).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(400);
  });

  it('answers 410 fullSyncRequired to a malformed token, an expired one and one invalidated by the sandbox', async () => {
    const oldToken = await fullSyncToken();
    world.clock.advance(31 * 86_400_000);
    const freshToken = await fullSyncToken();
    world.service.invalidateSyncTokens();

    const outcomes = await Promise.all(
      ['garbage', oldToken, freshToken].map((syncToken) =>
        list({ syncToken }).catch((e: unknown) => e as ApiError),
      ),
    );

    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 410 });
      expect((outcome as ApiError).response.data.error.errors[0]?.reason).toBe('fullSyncRequired');
    }
  });

  it('with singleEvents, reports a modified instance and a cancelled instance as those instances only', async () => {
    const series = await calendar.events.insert({ calendarId: 'primary', requestBody: weekly });
    const instances = (await list({ singleEvents: true })).items!;
    const token = await fullSyncToken({ singleEvents: true });

    await calendar.events.patch({
      calendarId: 'primary',
      eventId: instances[1]!.id!,
      requestBody: { summary: 'Moved to the big room' },
    });
    await calendar.events.delete({ calendarId: 'primary', eventId: instances[2]!.id! });
    const changes = await list({ syncToken: token, singleEvents: true });

    expect(changes.items?.map((e) => [e.id, e.status, e.recurringEventId])).toEqual([
      [instances[1]!.id, 'confirmed', series.data.id],
      [instances[2]!.id, 'cancelled', series.data.id],
    ]);
  });

  it('with singleEvents, reports every instance of a deleted series as cancelled', async () => {
    const series = await calendar.events.insert({ calendarId: 'primary', requestBody: weekly });
    const token = await fullSyncToken({ singleEvents: true });

    await calendar.events.delete({ calendarId: 'primary', eventId: series.data.id! });
    const changes = await list({ syncToken: token, singleEvents: true });

    expect(changes.items).toHaveLength(4);
    expect(new Set(changes.items?.map((e) => e.status))).toEqual(new Set(['cancelled']));
  });

  it('with singleEvents, reports the old instances of a moved series as cancelled and the new ones as confirmed', async () => {
    const series = await calendar.events.insert({ calendarId: 'primary', requestBody: weekly });
    const oldIds = (await list({ singleEvents: true })).items!.map((e) => e.id);
    const token = await fullSyncToken({ singleEvents: true });

    await calendar.events.patch({
      calendarId: 'primary',
      eventId: series.data.id!,
      requestBody: {
        start: { dateTime: '2025-03-04T10:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2025-03-04T10:30:00', timeZone: 'Europe/London' },
      },
    });
    const changes = (await list({ syncToken: token, singleEvents: true })).items!;

    const cancelled = changes.filter((e) => e.status === 'cancelled').map((e) => e.id);
    const confirmed = changes.filter((e) => e.status === 'confirmed').map((e) => e.start?.dateTime);
    expect(cancelled.sort()).toEqual([...oldIds].sort());
    expect(confirmed).toHaveLength(4);
    expect(confirmed[0]).toBe('2025-03-04T10:00:00+00:00');
  });
});
