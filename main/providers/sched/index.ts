/**
 * The Sched adapter: its HTTP side, the bookings and Connected Calendars registry clients over it, the directory,
 * and the `CalendarProvider` for one resource.
 */
export {
  SchedHttp,
  createSchedGate,
  idempotencyHeader,
  type SchedCall,
  type SchedHttpOptions,
} from './sched-http';
export { SchedBookingsClient } from './sched-bookings-client';
export { SchedRegistryClient } from './sched-registry-client';
export { SchedApiDirectory, resourceFromWire } from './sched-directory';
export { SchedCalendarProvider, type SchedCalendarProviderOptions } from './sched-provider';
export {
  bookingCreateFor,
  bookingToItem,
  bookingUpdateFor,
  timesForSched,
  untitledBooking,
  type ResourceRef,
} from './sched-booking-mapper';
export {
  SchedApiKeyError,
  SchedHttpError,
  SchedRequestError,
  SchedUnavailableError,
  classifySchedFailure,
} from './sched-errors';
export type * from './sched-wire';
