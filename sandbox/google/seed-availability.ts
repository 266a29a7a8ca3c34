/**
 * The demo seed's events that say something about the owner's availability, so an agent that decides what
 * blocks time meets each kind from the first run: a free lunch (transparent), a meeting someone else organised
 * that the owner declined, a day of working from home (working location) and an evening out of office.
 * Times are the owner's wall-clock hours, chosen clear of the Sched demo bookings.
 */
import { createHash } from 'node:crypto';
import type { EventStore } from './event-store';
import { insertEvent } from './event-writes';
import type { StoredCalendar } from './model';
import { floatingDate } from './time-zones';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

function seedId(user: string, name: string): string {
  return `demo${createHash('sha1').update(`${user}/${name}`).digest('hex').slice(0, 24)}`;
}

/** Adds the availability events to a user's primary calendar; `today` is local midnight as floating ms. */
export function seedAvailabilityEvents(
  store: EventStore,
  primary: StoredCalendar,
  user: string,
  today: number,
): void {
  const zone = primary.timeZone;
  const timed = (day: number, hour: number, hours: number) => ({
    start: {
      dateTime: new Date(today + day * dayMs + hour * hourMs).toISOString().slice(0, 19),
      timeZone: zone,
    },
    end: {
      dateTime: new Date(today + day * dayMs + (hour + hours) * hourMs).toISOString().slice(0, 19),
      timeZone: zone,
    },
  });
  insertEvent(store, primary, {
    id: seedId(user, 'free-lunch'),
    summary: 'Lunch',
    transparency: 'transparent',
    ...timed(2, 12, 1),
  });
  const organizer = { email: 'pat@partner.example', displayName: 'Pat (Partner Co.)' };
  const declined = insertEvent(store, primary, {
    id: seedId(user, 'declined-pitch'),
    summary: 'Vendor pitch',
    attendees: [
      { email: organizer.email, displayName: organizer.displayName, responseStatus: 'accepted' },
      { email: user, responseStatus: 'declined' },
    ],
    ...timed(3, 17, 1),
  });
  // An invitation: the event is organised by someone else, which a client cannot write on insert.
  store.save({ ...declined, organizer });
  insertEvent(store, primary, {
    id: seedId(user, 'work-from-home'),
    summary: 'Home',
    eventType: 'workingLocation',
    workingLocationProperties: { type: 'homeOffice', homeOffice: {} },
    start: { date: floatingDate(today + 6 * dayMs) },
    end: { date: floatingDate(today + 7 * dayMs) },
  });
  insertEvent(store, primary, {
    id: seedId(user, 'out-of-office'),
    summary: 'Out of office: travel',
    eventType: 'outOfOffice',
    outOfOfficeProperties: {
      autoDeclineMode: 'declineOnlyNewConflictingInvitations',
      declineMessage: 'Travelling',
    },
    ...timed(5, 18, 4),
  });
}
