/**
 * The two kinds of Sched item a connection syncs (shared/SYNC.md, "Availability"): bookings, and the resource's
 * availability exceptions. Both travel through the same plan as Sched-side items; an exception's id carries a
 * prefix so the two id spaces never meet and the plan can tell which kind a link's Sched item is.
 */
import type { InboundAs } from './settings';

/** A Sched item's kind. */
export type SchedKind = 'booking' | 'exception';

const exceptionPrefix = 'exception:';

/** The core's id of the Sched exception `exceptionId`. */
export function exceptionItemId(exceptionId: string): string {
  return `${exceptionPrefix}${exceptionId}`;
}

/** Sched's own id of an exception item, or null when `itemId` names a booking. */
export function exceptionIdOf(itemId: string): string | null {
  return itemId.startsWith(exceptionPrefix) ? itemId.slice(exceptionPrefix.length) : null;
}

/** Which kind of Sched item `itemId` names. */
export function schedKindOf(itemId: string): SchedKind {
  return exceptionIdOf(itemId) === null ? 'booking' : 'exception';
}

/** The kind of Sched item the calendar's own events become under `inboundAs` (absent: bookings). */
export function inboundKind(inboundAs: InboundAs | undefined): SchedKind {
  return inboundAs === 'busy' ? 'exception' : 'booking';
}
