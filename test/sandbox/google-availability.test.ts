import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { teamCalendarId } from '../../sandbox/google/seed';
import { alex, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

interface ApiError {
  status: number;
  message: string;
}

function failure(promise: Promise<unknown>): Promise<ApiError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ApiError,
  );
}

let hour = 0;
/** A fresh hour from 20 March 2025 on, so events do not overlap across tests. */
function slot(): Pick<calendar_v3.Schema$Event, 'start' | 'end'> {
  hour += 1;
  const at = (h: number) => new Date(Date.parse('2025-03-20T00:00:00Z') + h * 3_600_000).toISOString();
  return { start: { dateTime: at(hour) }, end: { dateTime: at(hour + 1) } };
}

describe('Google stand-in: transparency, eventType and the owner’s response', () => {
  let world: GoogleTestWorld;
  let calendar: calendar_v3.Calendar;
  beforeAll(async () => {
    world = await startGoogleTestServer('demo');
    calendar = world.calendarFor(alex);
  });
  afterAll(() => world.close());

  const insert = (requestBody: calendar_v3.Schema$Event, calendarId = 'primary') =>
    calendar.events.insert({ calendarId, requestBody: { summary: 'Item', ...slot(), ...requestBody } });

  it('keeps transparency and returns it from get, list and the sync feed', async () => {
    const { data: before } = await calendar.events.list({ calendarId: 'primary' });
    const { data: free } = await insert({ summary: 'Lunch (free)', transparency: 'transparent' });

    const got = (await calendar.events.get({ calendarId: 'primary', eventId: free.id! })).data;
    const listed = (await calendar.events.list({ calendarId: 'primary', maxResults: 2500 })).data.items ?? [];
    const fed = (await calendar.events.list({ calendarId: 'primary', syncToken: before.nextSyncToken! }))
      .data;

    expect(free.transparency).toBe('transparent');
    expect(got.transparency).toBe('transparent');
    expect(listed.find((e) => e.id === free.id)?.transparency).toBe('transparent');
    expect(fed.items?.map((e) => [e.id, e.transparency])).toEqual([[free.id, 'transparent']]);
  });

  it('changes transparency with patch and update', async () => {
    const { data: event } = await insert({ summary: 'Maybe busy' });

    const patched = (
      await calendar.events.patch({
        calendarId: 'primary',
        eventId: event.id!,
        requestBody: { transparency: 'transparent' },
      })
    ).data;
    const updated = (
      await calendar.events.update({
        calendarId: 'primary',
        eventId: event.id!,
        requestBody: { ...patched, transparency: 'opaque' },
      })
    ).data;

    expect(event.eventType).toBe('default');
    expect(patched.transparency).toBe('transparent');
    expect(updated.transparency).toBe('opaque');
  });

  it('stores the owner’s response and marks the owner’s attendee entry self: true', async () => {
    const { data: event } = await insert({
      summary: 'Vendor pitch',
      attendees: [
        { email: 'vendor@example.com', responseStatus: 'accepted' },
        { email: alex, responseStatus: 'needsAction' },
        { email: 'sam@sandbox.example' },
      ],
    });

    const declined = (
      await calendar.events.patch({
        calendarId: 'primary',
        eventId: event.id!,
        requestBody: {
          attendees: [
            { email: 'vendor@example.com', responseStatus: 'accepted' },
            { email: alex, responseStatus: 'declined', self: false },
            { email: 'sam@sandbox.example' },
          ],
        },
      })
    ).data;

    expect(event.attendees).toEqual([
      { email: 'vendor@example.com', responseStatus: 'accepted' },
      { email: alex, responseStatus: 'needsAction', self: true, organizer: true },
      { email: 'sam@sandbox.example', responseStatus: 'needsAction' },
    ]);
    expect(declined.attendees?.find((a) => a.self)).toEqual({
      email: alex,
      responseStatus: 'declined',
      self: true,
      organizer: true,
    });
  });

  it('makes out-of-office and focus time opaque, and working location transparent and public', async () => {
    const ooo = (
      await insert({ eventType: 'outOfOffice', outOfOfficeProperties: { autoDeclineMode: 'declineNone' } })
    ).data;
    const focus = (await insert({ eventType: 'focusTime' })).data;
    const office = (
      await insert({
        eventType: 'workingLocation',
        start: { date: '2025-03-11' },
        end: { date: '2025-03-12' },
        workingLocationProperties: { type: 'homeOffice', homeOffice: {} },
      })
    ).data;

    expect(ooo).toMatchObject({ eventType: 'outOfOffice', transparency: 'opaque' });
    expect(ooo.outOfOfficeProperties).toEqual({ autoDeclineMode: 'declineNone' });
    expect(focus).toMatchObject({ eventType: 'focusTime', transparency: 'opaque', focusTimeProperties: {} });
    expect(office).toMatchObject({
      eventType: 'workingLocation',
      transparency: 'transparent',
      visibility: 'public',
    });
  });

  it('filters a list by eventTypes', async () => {
    const { data: ooo } = await insert({ eventType: 'outOfOffice' });

    const only = (await calendar.events.list({ calendarId: 'primary', eventTypes: ['outOfOffice'] })).data;

    expect(only.items?.map((e) => e.eventType)).toEqual(expect.arrayContaining(['outOfOffice']));
    expect(only.items?.every((e) => e.eventType === 'outOfOffice')).toBe(true);
    expect(only.items?.map((e) => e.id)).toContain(ooo.id);
  });

  it('refuses to change an event’s type, and keeps it through a patch', async () => {
    const { data: ooo } = await insert({ eventType: 'outOfOffice' });
    const { data: plain } = await insert({});

    const kept = (
      await calendar.events.patch({
        calendarId: 'primary',
        eventId: ooo.id!,
        requestBody: { summary: 'Away' },
      })
    ).data;
    const changed = await failure(
      calendar.events.patch({
        calendarId: 'primary',
        eventId: plain.id!,
        requestBody: { eventType: 'focusTime' },
      }),
    );
    const read = (await calendar.events.get({ calendarId: 'primary', eventId: plain.id! })).data;

    expect(kept.eventType).toBe('outOfOffice');
    expect(changed.status).toBe(400);
    expect(read.eventType).toBe('default');
  });

  it.each<[string, calendar_v3.Schema$Event, string?]>([
    ['an unknown transparency', { transparency: 'see-through' }],
    ['an unknown eventType', { eventType: 'vacation' }],
    ['a birthday written by a client', { eventType: 'birthday' }],
    ['a status event outside the primary calendar', { eventType: 'focusTime' }, 'team'],
    [
      'an all-day out-of-office',
      { eventType: 'outOfOffice', start: { date: '2025-03-12' }, end: { date: '2025-03-13' } },
    ],
    ['a transparent out-of-office', { eventType: 'outOfOffice', transparency: 'transparent' }],
    ['a working location without its properties', { eventType: 'workingLocation' }],
    ['an unknown responseStatus', { attendees: [{ email: alex, responseStatus: 'maybe' }] }],
    ['an attendee without an email', { attendees: [{ displayName: 'Nobody' }] }],
  ])('refuses %s with 400 and stores nothing', async (_what, body, which) => {
    const calendarId = which === 'team' ? teamCalendarId(alex) : 'primary';
    const { data: before } = await calendar.events.list({ calendarId });

    const refused = await failure(insert(body, calendarId));
    const after = (await calendar.events.list({ calendarId, syncToken: before.nextSyncToken! })).data;

    expect(refused.status).toBe(400);
    expect(after.items).toEqual([]);
  });
});

describe('Google stand-in: the demo seed’s availability events', () => {
  let world: GoogleTestWorld;
  beforeAll(async () => {
    world = await startGoogleTestServer('demo');
  });
  afterAll(() => world.close());

  it('has a free lunch, a declined invitation, a working-location day and an out-of-office', async () => {
    const items =
      (await world.calendarFor(alex).events.list({ calendarId: 'primary', maxResults: 2500 })).data.items ??
      [];
    const named = (summary: string) => items.find((event) => event.summary === summary);

    expect(named('Lunch')).toMatchObject({ transparency: 'transparent', eventType: 'default' });
    expect(named('Vendor pitch')?.organizer).toEqual({
      email: 'pat@partner.example',
      displayName: 'Pat (Partner Co.)',
    });
    expect(named('Vendor pitch')?.attendees).toContainEqual({
      email: alex,
      responseStatus: 'declined',
      self: true,
    });
    expect(named('Home')).toMatchObject({ eventType: 'workingLocation', transparency: 'transparent' });
    expect(named('Home')?.start?.date).toEqual(expect.any(String));
    expect(named('Out of office: travel')).toMatchObject({
      eventType: 'outOfOffice',
      transparency: 'opaque',
    });
  });
});
