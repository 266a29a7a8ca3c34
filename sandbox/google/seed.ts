/**
 * Seeds: `empty` gives each user a primary calendar; `demo` adds a second calendar per user and events
 * around the sandbox clock (single events, an all-day event, a weekly series with one moved and one
 * cancelled instance, and free, declined, working-location and out-of-office events: seed-availability.ts),
 * written through the same code paths as API calls.
 */
import { createHash } from 'node:crypto';
import type { EventStore } from './event-store';
import { deleteEvent, insertEvent, replaceEvent } from './event-writes';
import type { StoredCalendar } from './model';
import { expandSeries } from './recurrence';
import { floatingMs, wallClock } from '../core/zones';
import { seedAvailabilityEvents } from './seed-availability';
import { floatingDate } from './time-zones';

/** Zones given to seeded users in turn, so the demo shows calendars in different zones. */
const zones = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney'];
const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** A stable base32hex event id for a seeded event, so re-seeding gives the same ids. */
function seedId(user: string, name: string): string {
  return `demo${createHash('sha1').update(`${user}/${name}`).digest('hex').slice(0, 24)}`;
}

/** The id of a user's second calendar (Google names secondary calendars …@group.calendar.google.com). */
export function teamCalendarId(user: string): string {
  return `${user.split('@')[0]}.team@group.calendar.sandbox.example`;
}

function calendar(
  id: string,
  owner: string,
  summary: string,
  timeZone: string,
  primary: boolean,
): StoredCalendar {
  return {
    id,
    owner,
    summary,
    timeZone,
    primary,
    colorId: primary ? '14' : '7',
    backgroundColor: primary ? '#9fe1e7' : '#42d692',
    version: 1,
  };
}

/** Replaces all state with the seed's. */
export function seedGoogle(store: EventStore, kind: 'empty' | 'demo', users: string[], now: Date): void {
  store.clear();
  users.forEach((user, index) => {
    const zone = zones[index % zones.length]!;
    store.putCalendar(calendar(user, user, user, zone, true));
    if (kind === 'demo') seedDemo(store, user, zone, now);
  });
}

function seedDemo(store: EventStore, user: string, zone: string, now: Date): void {
  const team = calendar(teamCalendarId(user), user, 'Team room bookings', zone, false);
  team.description = 'Bookings of the shared team room';
  store.putCalendar(team);
  const primary = store.calendarFor(user, 'primary');
  const today = floatingMs({ ...wallClock(now, zone), hour: 0, minute: 0, second: 0 });
  // Local wall times written without an offset, so Google's rules place them in the calendar's zone.
  const at = (day: number, hour: number) =>
    new Date(today + day * dayMs + hour * hourMs).toISOString().slice(0, 19);
  const timed = (day: number, hour: number, hours: number) => ({
    start: { dateTime: at(day, hour), timeZone: zone },
    end: { dateTime: at(day, hour + hours), timeZone: zone },
  });

  insertEvent(store, primary, {
    id: seedId(user, 'kickoff'),
    summary: 'Project kickoff',
    description: 'Scope and milestones for the quarter.',
    location: 'Meeting Room A',
    ...timed(1, 10, 1),
  });
  insertEvent(store, primary, { id: seedId(user, 'one-on-one'), summary: '1:1', ...timed(2, 14, 0.5) });
  insertEvent(store, primary, {
    id: seedId(user, 'offsite'),
    summary: 'Company offsite',
    start: { date: floatingDate(today + 4 * dayMs) },
    end: { date: floatingDate(today + 5 * dayMs) },
  });

  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * dayMs;
  const series = insertEvent(store, primary, {
    id: seedId(user, 'weekly-sync'),
    summary: 'Weekly team sync',
    start: { dateTime: new Date(monday + 9 * hourMs).toISOString().slice(0, 19), timeZone: zone },
    end: { dateTime: new Date(monday + 9.5 * hourMs).toISOString().slice(0, 19), timeZone: zone },
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=12'],
  });
  const [, second, third] = expandSeries(series, zone, Date.parse(series.start.dateTime!), 8e15, 3);
  if (second) {
    replaceEvent(
      store,
      {
        calendar: primary,
        eventId: `${series.id}_${second.stamp}`,
        body: {
          start: { dateTime: new Date(second.startMs + hourMs).toISOString(), timeZone: zone },
          end: { dateTime: new Date(second.endMs + hourMs).toISOString(), timeZone: zone },
        },
      },
      'patch',
    );
  }
  if (third) deleteEvent(store, { calendar: primary, eventId: `${series.id}_${third.stamp}` });

  insertEvent(store, team, {
    id: seedId(user, 'design-review'),
    summary: 'Design review',
    ...timed(1, 13, 1),
  });
  insertEvent(store, team, {
    id: seedId(user, 'workshop'),
    summary: 'Onboarding workshop',
    ...timed(3, 9, 3),
  });
  insertEvent(store, team, {
    id: seedId(user, 'client-visit'),
    summary: 'Client visit',
    extendedProperties: { shared: { room: 'Team room' } },
    ...timed(7, 15, 1),
  });
  seedAvailabilityEvents(store, primary, user, today);
}
