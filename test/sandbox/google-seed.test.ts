import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { alex, sam, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

describe('Google stand-in: seeds and saved state', () => {
  let world: GoogleTestWorld;
  let calendar: calendar_v3.Calendar;
  beforeEach(async () => {
    world = await startGoogleTestServer('demo');
    calendar = world.calendarFor(alex);
  });
  afterEach(() => world.close());

  it('demo gives each user a primary and a team calendar with events around now', async () => {
    const calendars = await calendar.calendarList.list();
    const team = calendars.data.items!.find((entry) => !entry.primary)!;

    const teamEvents = await calendar.events.list({ calendarId: team.id!, singleEvents: true });

    expect(calendars.data.items).toHaveLength(2);
    expect(team.summary).toBe('Team room bookings');
    expect(teamEvents.data.items?.length).toBeGreaterThanOrEqual(3);
    for (const event of teamEvents.data.items!) {
      expect(Date.parse(event.start!.dateTime!)).toBeGreaterThan(world.clock.now.getTime());
    }
  });

  it('demo has singles, an all-day event and a weekly series with a moved and a cancelled instance', async () => {
    const series = (await calendar.events.list({ calendarId: 'primary' })).data.items!;
    const instances = (
      await calendar.events.list({
        calendarId: 'primary',
        singleEvents: true,
        showDeleted: true,
        orderBy: 'startTime',
      })
    ).data.items!;

    const weekly = series.find((event) => event.recurrence)!;
    const ofWeekly = instances.filter((event) => event.recurringEventId === weekly.id);
    const moved = ofWeekly.find(
      (event) => event.status === 'confirmed' && event.start?.dateTime !== event.originalStartTime?.dateTime,
    );

    expect(weekly.recurrence?.[0]).toMatch(/^RRULE:FREQ=WEEKLY/);
    expect(moved).toBeDefined();
    expect(ofWeekly.filter((event) => event.status === 'cancelled')).toHaveLength(1);
    expect(instances.some((event) => event.start?.date)).toBe(true);
    expect(
      instances.filter((event) => !event.recurringEventId && event.start?.dateTime).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('empty gives each user only a primary calendar', async () => {
    world.service.seed('empty', [alex, sam]);

    const calendars = await calendar.calendarList.list();
    const events = await calendar.events.list({ calendarId: 'primary' });

    expect(calendars.data.items?.map((entry) => entry.id)).toEqual([alex]);
    expect(events.data.items).toEqual([]);
  });

  it('restores a snapshot: events and sync tokens keep working after a restart', async () => {
    const before = await calendar.events.list({ calendarId: 'primary' });
    const snapshot = JSON.parse(JSON.stringify(world.service.snapshot())) as unknown;
    world.service.seed('empty', [alex, sam]);

    world.service.restore(snapshot);
    const after = await calendar.events.list({ calendarId: 'primary' });
    const changes = await calendar.events.list({
      calendarId: 'primary',
      syncToken: before.data.nextSyncToken!,
    });

    expect(after.data.items).toEqual(before.data.items);
    expect(changes.data.items).toEqual([]);
  });

  it('refuses to restore something that is not its state', () => {
    expect(() => world.service.restore({ hello: 'world' })).toThrow(/Google Calendar state/);
  });

  it('expires sync tokens from before a re-seed', async () => {
    const token = (await calendar.events.list({ calendarId: 'primary' })).data.nextSyncToken!;
    world.service.seed('demo', [alex, sam]);

    const error = await calendar.events
      .list({ calendarId: 'primary', syncToken: token })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 410 });
  });
});
