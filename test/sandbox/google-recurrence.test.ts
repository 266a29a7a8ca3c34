import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { alex, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

/** Mondays 09:00 New York from 3 March 2025: US clocks go forward on 9 March, between the first two. */
const standup = {
  id: 'standup001',
  summary: 'Stand-up',
  start: { dateTime: '2025-03-03T09:00:00', timeZone: 'America/New_York' },
  end: { dateTime: '2025-03-03T09:15:00', timeZone: 'America/New_York' },
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4'],
  extendedProperties: { private: { conn: 'c1' } },
};

describe('Google stand-in: recurring events', () => {
  let world: GoogleTestWorld;
  let calendar: calendar_v3.Calendar;
  const list = (params: calendar_v3.Params$Resource$Events$List = {}) =>
    calendar.events.list({ calendarId: 'primary', ...params }).then((r) => r.data.items ?? []);

  beforeEach(async () => {
    world = await startGoogleTestServer('empty');
    calendar = world.calendarFor(alex);
    await calendar.events.insert({ calendarId: 'primary', requestBody: standup });
  });
  afterEach(() => world.close());

  it('expands a series into instances that keep their local time across DST', async () => {
    const instances = await list({ singleEvents: true, orderBy: 'startTime' });

    expect(instances.map((e) => e.id)).toEqual([
      'standup001_20250303T140000Z',
      'standup001_20250310T130000Z',
      'standup001_20250317T130000Z',
      'standup001_20250324T130000Z',
    ]);
    expect(instances.map((e) => e.start?.dateTime)).toEqual([
      '2025-03-03T09:00:00-05:00',
      '2025-03-10T09:00:00-04:00',
      '2025-03-17T09:00:00-04:00',
      '2025-03-24T09:00:00-04:00',
    ]);
    expect(instances[1]).toMatchObject({
      recurringEventId: 'standup001',
      originalStartTime: { dateTime: '2025-03-10T09:00:00-04:00', timeZone: 'America/New_York' },
      summary: 'Stand-up',
      extendedProperties: { private: { conn: 'c1' } },
    });
  });

  it('returns the series itself, with its rule, without singleEvents', async () => {
    const events = await list();

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 'standup001', recurrence: standup.recurrence });
  });

  it('moves one instance when it is patched by its instance id, keeping its id', async () => {
    await calendar.events.patch({
      calendarId: 'primary',
      eventId: 'standup001_20250310T130000Z',
      requestBody: {
        start: { dateTime: '2025-03-11T10:00:00-04:00' },
        end: { dateTime: '2025-03-11T10:15:00-04:00' },
      },
    });

    const instances = await list({ singleEvents: true, orderBy: 'startTime' });
    const moved = instances.find((e) => e.id === 'standup001_20250310T130000Z');

    expect(instances).toHaveLength(4);
    expect(moved).toMatchObject({
      start: { dateTime: '2025-03-11T10:00:00-04:00' },
      originalStartTime: { dateTime: '2025-03-10T09:00:00-04:00' },
      recurringEventId: 'standup001',
    });
  });

  it('cancels one instance when it is deleted by its instance id', async () => {
    await calendar.events.delete({ calendarId: 'primary', eventId: 'standup001_20250317T130000Z' });

    const visible = await list({ singleEvents: true });
    const withDeleted = await list({ singleEvents: true, showDeleted: true });
    const unexpanded = await list();

    expect(visible.map((e) => e.id)).not.toContain('standup001_20250317T130000Z');
    expect(visible).toHaveLength(3);
    expect(withDeleted.find((e) => e.id === 'standup001_20250317T130000Z')?.status).toBe('cancelled');
    expect(unexpanded.map((e) => [e.id, e.status])).toEqual([
      ['standup001', 'confirmed'],
      ['standup001_20250317T130000Z', 'cancelled'],
    ]);
  });

  it('expands only the instances inside the window', async () => {
    const instances = await list({
      singleEvents: true,
      timeMin: '2025-03-09T00:00:00Z',
      timeMax: '2025-03-18T00:00:00Z',
    });

    expect(instances.map((e) => e.id)).toEqual([
      'standup001_20250310T130000Z',
      'standup001_20250317T130000Z',
    ]);
  });

  it('gets an instance by its id', async () => {
    const { data } = await calendar.events.get({
      calendarId: 'primary',
      eventId: 'standup001_20250324T130000Z',
    });

    expect(data).toMatchObject({
      recurringEventId: 'standup001',
      start: { dateTime: '2025-03-24T09:00:00-04:00' },
    });
  });

  it('lists a series’ instances with events.instances', async () => {
    await calendar.events.delete({ calendarId: 'primary', eventId: 'standup001_20250317T130000Z' });

    const { data } = await calendar.events.instances({ calendarId: 'primary', eventId: 'standup001' });

    expect(data.items?.map((e) => e.id)).toEqual([
      'standup001_20250303T140000Z',
      'standup001_20250310T130000Z',
      'standup001_20250324T130000Z',
    ]);
  });

  it('names all-day instances by date and honours EXDATE', async () => {
    await calendar.events.insert({
      calendarId: 'primary',
      requestBody: {
        id: 'oncall0001',
        summary: 'On call',
        start: { date: '2025-03-10' },
        end: { date: '2025-03-11' },
        recurrence: ['RRULE:FREQ=DAILY;COUNT=3', 'EXDATE;VALUE=DATE:20250311'],
      },
    });

    const instances = await list({ singleEvents: true, q: 'on call' });

    expect(instances.map((e) => [e.id, e.start?.date])).toEqual([
      ['oncall0001_20250310', '2025-03-10'],
      ['oncall0001_20250312', '2025-03-12'],
    ]);
  });

  it('refuses a recurring timed event without a time zone with 400', async () => {
    const error = await calendar.events
      .insert({
        calendarId: 'primary',
        requestBody: {
          start: { dateTime: '2025-03-03T09:00:00Z' },
          end: { dateTime: '2025-03-03T10:00:00Z' },
          recurrence: ['RRULE:FREQ=DAILY'],
        },
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 400 });
  });
});
