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

/** The live item among `items` that `source` names as its event's copy (Sched's `source`), if any. */
export function liveCopyFrom(items: readonly SyncItem[], source: BookingSource): SyncItem | null {
  const from = (item: SyncItem) =>
    item.source?.calendarService === source.calendarService &&
    item.source.calendarId === source.calendarId &&
    item.source.eventId === source.eventId;
  return items.find((item) => item.status !== 'cancelled' && from(item)) ?? null;
}
