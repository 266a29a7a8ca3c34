/**
 * Relinking by tags (shared/SYNC.md, "Identity: never a duplicate"): an event that carries a booking id and a
 * booking whose `source` names an event of this calendar are the agent's own copies. Found together in a read,
 * they become a link again; found alone, they are still never copied a second time.
 */
import type { SyncItem } from './item';
import type { SideView } from './observations';
import type { ConnectionRef } from './settings';
import type { Link } from './state';
import { linkSideOf } from './state';

/** A pair found by its tags, with a baseline that makes any difference between them count as a change. */
export interface FoundPair {
  link: Link;
}

/** True when the booking was created by the agent from an event of this connection's calendar. */
export function cameFromThisCalendar(booking: SyncItem, connection: ConnectionRef): boolean {
  return (
    booking.source !== undefined &&
    booking.source.calendarService === connection.calendarService &&
    booking.source.calendarId === connection.calendarId
  );
}

/** Unknown baseline: an empty hash never equals a real one, so both sides read as changed. */
function withoutBaseline(item: SyncItem): Link['sched'] {
  return { ...linkSideOf(item), hash: '' };
}

/**
 * Pairs of unlinked items that name each other by tags. `linkedBookings`/`linkedEvents` are ids already in links;
 * an item whose partner is linked elsewhere stays alone (the agent touches only what it linked).
 */
export function findTaggedPairs(
  sched: SideView,
  external: SideView,
  connection: ConnectionRef,
  linkedBookings: ReadonlySet<string>,
  linkedEvents: ReadonlySet<string>,
): FoundPair[] {
  const pairs: FoundPair[] = [];
  const pairedBookings = new Set<string>();
  const pairedEvents = new Set<string>();
  const pair = (booking: SyncItem, event: SyncItem, origin: 'sched' | 'external'): void => {
    if (linkedBookings.has(booking.id) || linkedEvents.has(event.id)) return;
    if (pairedBookings.has(booking.id) || pairedEvents.has(event.id)) return;
    pairedBookings.add(booking.id);
    pairedEvents.add(event.id);
    pairs.push({ link: { sched: withoutBaseline(booking), external: withoutBaseline(event), origin } });
  };
  for (const event of external.presentItems()) {
    const booking = event.tags ? sched.get(event.tags.bookingId) : undefined;
    if (booking) pair(booking, event, 'sched');
  }
  for (const booking of sched.presentItems()) {
    if (!cameFromThisCalendar(booking, connection) || !booking.source) continue;
    const event = external.get(booking.source.eventId);
    if (event) pair(booking, event, 'external');
  }
  return pairs;
}
