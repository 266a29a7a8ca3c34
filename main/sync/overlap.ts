/**
 * Double booking (shared/SYNC.md, "Conflicts" 2). Sched detects it (409 `slot_unavailable`); the engine turns that
 * answer into this record. The person's choice comes back into `plan` as `importAnyway` (retry with
 * `allow_overlap`) or as `SyncState.skippedEventIds` (never asked again).
 */
import type { ItemFields, SyncItem } from './item';
import { fieldsOf } from './item';
import { timeToEpochMs } from './time';

/** An inbound event that could not become a booking because its slot is taken. */
export interface OverlapConflict {
  kind: 'overlap';
  eventId: string;
  event: ItemFields;
  /** The booking Sched named as taking the slot, when it said. */
  booking?: { id: string; fields: ItemFields };
}

/** The overlap conflict for `event`, optionally naming the booking in the way. */
export function overlapConflict(event: SyncItem, booking?: SyncItem): OverlapConflict {
  return {
    kind: 'overlap',
    eventId: event.id,
    event: fieldsOf(event),
    ...(booking ? { booking: { id: booking.id, fields: fieldsOf(booking) } } : {}),
  };
}

/** An item's time as epoch milliseconds; dates count in `zone`. */
export interface Span {
  start: number;
  end: number;
}

/** `item`'s span in epoch milliseconds, its dates counted in `zone`. */
export function spanOf(item: Pick<ItemFields, 'start' | 'end'>, zone: string): Span {
  return { start: timeToEpochMs(item.start, zone), end: timeToEpochMs(item.end, zone) };
}

/** True when two spans share any moment (ends exclusive, as Sched counts a slot). */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when two items' times share any moment (ends exclusive, as Sched counts a slot); dates count in `zone`. */
export function timesOverlap(
  a: Pick<ItemFields, 'start' | 'end'>,
  b: Pick<ItemFields, 'start' | 'end'>,
  zone: string,
): boolean {
  return spansOverlap(spanOf(a, zone), spanOf(b, zone));
}
