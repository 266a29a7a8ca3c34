/** `GET /bookings`: a windowed list, or with `sync_token` every booking changed since (change-feed.ts). */
import { readFeed, type FeedOptions, type ListQuery } from './change-feed';
import { FieldError } from './errors';
import type { Booking, SchedState } from './model';

export { parseListQuery, type ListQuery } from './change-feed';

/**
 * True when the booking moved away from `resourceId` after sequence `since`. A moved booking is not cancelled,
 * so the old resource's feed lists it as it now is, with its new `resource_id`: that is how a client reading
 * one resource learns that the booking left it. (Google's feed shows an event moved to another calendar as
 * cancelled in the first; a moved booking is not cancelled, and its new `resource_id` says where it went.)
 */
function leftSince(state: SchedState, booking: Booking, resourceId: string, since: number): boolean {
  return (state.departed[booking.id]?.[resourceId] ?? 0) > since;
}

/** Answers one `GET /bookings`. */
export function listBookings(
  state: SchedState,
  query: ListQuery,
  options: FeedOptions,
): Record<string, unknown> {
  if (query.resourceId !== null && !state.resources.some((resource) => resource.id === query.resourceId)) {
    throw new FieldError('resource_id', `no resource with id ${query.resourceId}.`);
  }
  const { items, ...tokens } = readFeed(
    state,
    {
      kind: 'bookings',
      items: Object.values(state.bookings),
      seqOf: (booking) => state.changed_at_seq[booking.id] ?? 0,
      leftResource: (booking, resourceId, since) => leftSince(state, booking, resourceId, since),
    },
    query,
    options,
  );
  return { bookings: items, ...tokens };
}
