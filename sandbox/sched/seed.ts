/**
 * Sched's seeds: `empty` has the resources and nothing booked; `demo` adds each resource's bookings around the
 * sandbox clock (seed-bookings.ts) and a holiday and a maintenance window (seed-exceptions.ts), each stamped
 * with a change sequence number like any write, so the first `sync_token` read starts after them.
 */
import { emptySchedState, type SchedState } from './model';
import { demoBookings } from './seed-bookings';
import { demoExceptions } from './seed-exceptions';
import { SEEDED_RESOURCES } from './seed-resources';

/** A fresh state for the seed, relative to `now`. */
export function seedSched(kind: 'empty' | 'demo', epoch: string, now: Date): SchedState {
  const state = emptySchedState(epoch);
  state.resources = SEEDED_RESOURCES.map((resource) => ({ ...resource }));
  if (kind !== 'demo') return state;
  for (const booking of demoBookings(state.resources, now)) {
    state.bookings[booking.id] = booking;
    state.changed_at_seq[booking.id] = state.next_seq;
    state.next_seq += 1;
  }
  for (const exception of demoExceptions(state.resources, now)) {
    state.exceptions[exception.id] = exception;
    state.exception_changed_at_seq[exception.id] = state.next_seq;
    state.next_seq += 1;
  }
  return state;
}
