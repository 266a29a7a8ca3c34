import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { alex, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

function at(day: number, hour: number, hours = 1) {
  const start = new Date(Date.UTC(2025, 2, day, hour));
  const end = new Date(start.getTime() + hours * 3_600_000);
  return { start: { dateTime: start.toISOString() }, end: { dateTime: end.toISOString() } };
}

describe('Google stand-in: events.list', () => {
  let world: GoogleTestWorld;
  let calendar: calendar_v3.Calendar;
  const insert = (requestBody: calendar_v3.Schema$Event) =>
    calendar.events.insert({ calendarId: 'primary', requestBody }).then((r) => r.data);
  const list = (params: calendar_v3.Params$Resource$Events$List = {}) =>
    calendar.events.list({ calendarId: 'primary', ...params }).then((r) => r.data);

  beforeEach(async () => {
    world = await startGoogleTestServer('empty');
    calendar = world.calendarFor(alex);
  });
  afterEach(() => world.close());

  it('returns the events that overlap timeMin..timeMax', async () => {
    await insert({ id: 'before0001', summary: 'before', ...at(10, 8) });
    await insert({ id: 'overlap001', summary: 'overlapping', ...at(10, 9, 2) });
    await insert({ id: 'inside0001', summary: 'inside', ...at(10, 12) });
    await insert({ id: 'after00001', summary: 'after', ...at(10, 15) });

    const page = await list({ timeMin: '2025-03-10T10:00:00Z', timeMax: '2025-03-10T15:00:00Z' });

    expect(page.items?.map((e) => e.summary)).toEqual(['overlapping', 'inside']);
  });

  it('filters by private and shared extended properties, text and iCalUID', async () => {
    await insert({
      summary: 'Tagged',
      extendedProperties: { private: { conn: 'c1', booking: 'b1' } },
      ...at(11, 9),
    });
    await insert({ summary: 'Other tag', extendedProperties: { private: { conn: 'c2' } }, ...at(11, 10) });
    await insert({ summary: 'Shared', extendedProperties: { shared: { room: 'A' } }, ...at(11, 11) });
    const lunch = await insert({ summary: 'Team lunch', description: 'Pizza place', ...at(11, 12) });

    const byPrivate = await list({ privateExtendedProperty: ['conn=c1', 'booking=b1'] });
    const byShared = await list({ sharedExtendedProperty: ['room=A'] });
    const byText = await list({ q: 'pizza' });
    const byUid = await list({ iCalUID: lunch.iCalUID! });

    expect(byPrivate.items?.map((e) => e.summary)).toEqual(['Tagged']);
    expect(byShared.items?.map((e) => e.summary)).toEqual(['Shared']);
    expect(byText.items?.map((e) => e.summary)).toEqual(['Team lunch']);
    expect(byUid.items?.map((e) => e.summary)).toEqual(['Team lunch']);
  });

  it('hides cancelled events unless showDeleted, and updatedMin returns recent changes with deletions', async () => {
    await insert({ id: 'keep000001', summary: 'Kept', ...at(12, 9) });
    await insert({ id: 'gone000001', summary: 'Gone', ...at(12, 10) });
    world.clock.advance(3_600_000);
    await calendar.events.delete({ calendarId: 'primary', eventId: 'gone000001' });

    const visible = await list();
    const withDeleted = await list({ showDeleted: true });
    const recent = await list({ updatedMin: '2025-03-05T12:30:00Z' });

    expect(visible.items?.map((e) => e.id)).toEqual(['keep000001']);
    expect(withDeleted.items?.map((e) => [e.id, e.status])).toEqual([
      ['keep000001', 'confirmed'],
      ['gone000001', 'cancelled'],
    ]);
    expect(recent.items?.map((e) => [e.id, e.status])).toEqual([['gone000001', 'cancelled']]);
  });

  it('pages with maxResults and gives nextSyncToken only on the last page', async () => {
    for (let day = 1; day <= 5; day++) await insert({ summary: `Day ${day}`, ...at(day + 9, 9) });

    const first = await list({ maxResults: 2 });
    const second = await list({ maxResults: 2, pageToken: first.nextPageToken! });
    const third = await list({ maxResults: 2, pageToken: second.nextPageToken! });

    expect([first, second, third].map((p) => p.items?.length)).toEqual([2, 2, 1]);
    expect(first.nextSyncToken).toBeUndefined();
    expect(second.nextSyncToken).toBeUndefined();
    expect(third.nextPageToken).toBeUndefined();
    expect(third.nextSyncToken).toBeTruthy();
    expect([first, second, third].flatMap((p) => p.items!.map((e) => e.summary))).toEqual([
      'Day 1',
      'Day 2',
      'Day 3',
      'Day 4',
      'Day 5',
    ]);
  });

  it('pages 250 events at a time by default and caps maxResults at 2500', async () => {
    for (let i = 0; i < 251; i++) await insert({ summary: `Slot ${i}`, ...at(15, 0, 1) });

    const byDefault = await list();
    const huge = await list({ maxResults: 5000 });

    expect(byDefault.items).toHaveLength(250);
    expect(byDefault.nextPageToken).toBeTruthy();
    expect(huge.items).toHaveLength(251);
    expect(huge.nextSyncToken).toBeTruthy();
  });

  it('refuses orderBy=startTime without singleEvents with 400', async () => {
    const error = await list({ orderBy: 'startTime' }).catch((e: { status: number }) => e);

    expect(error).toMatchObject({ status: 400 });
  });

  it('orders by start time when asked', async () => {
    await insert({ summary: 'Later', ...at(20, 9) });
    await insert({ summary: 'Sooner', ...at(19, 9) });

    const page = await list({ singleEvents: true, orderBy: 'startTime' });

    expect(page.items?.map((e) => e.summary)).toEqual(['Sooner', 'Later']);
  });
});
