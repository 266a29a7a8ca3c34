/**
 * How the agent marks its copies and keys its creates (shared/SYNC.md, "Identity: never a duplicate").
 */
import type { BookingSource, EventTags, Side, SyncItem } from './item';
import type { ConnectionRef } from './settings';

/** The tags (external) or `source` (Sched) that mark a copy of `source` as the agent's. */
export function identityFor(
  target: Side,
  source: { id: string },
  connection: ConnectionRef,
): { tags: EventTags } | { source: BookingSource } {
  if (target === 'external') return { tags: { bookingId: source.id, connectionId: connection.id } };
  return {
    source: {
      calendarService: connection.calendarService,
      calendarId: connection.calendarId,
      eventId: source.id,
    },
  };
}

/** The idempotency key of the first copy of `sourceId` on `target`: the same on every retry and after a crash. */
export function createKey(connectionId: string, target: Side, sourceId: string): string {
  return `${connectionId}:${target}:${sourceId}`;
}

/**
 * The key for a copy made again after the previous copy (`lostId`) was deleted: distinct from the first key, since
 * Google keeps deleted ids and would answer 409, yet still the same on every retry of this recreate.
 */
export function recreateKey(connectionId: string, target: Side, sourceId: string, lostId: string): string {
  return `${connectionId}:${target}:${sourceId}:after:${lostId}`;
}

/** The live items among `items` whose `source` names an event of `calendar` (Sched items the agent made from it). */
export function madeFrom(items: readonly SyncItem[], calendar: Omit<BookingSource, 'eventId'>): SyncItem[] {
  return items.filter(
    (item) =>
      item.status !== 'cancelled' &&
      item.source?.calendarService === calendar.calendarService &&
      item.source.calendarId === calendar.calendarId,
  );
}
