/**
 * The Sched adapter: its HTTP side, the bookings and Connected Calendars registry clients over it, the directory,
 * and a `CalendarProvider` each for one resource's bookings and for its availability exceptions.
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
export { SchedExceptionsClient } from './sched-exceptions-client';
export {
  SchedExceptionsProvider,
  schedExceptionCapabilities,
  type SchedExceptionsProviderOptions,
} from './sched-exceptions-provider';
export { exceptionCreateFor, exceptionToItem, exceptionUpdateFor } from './sched-exception-mapper';
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
export {
  SchedResourceProvider,
  reasonOf as exceptionReasonOf,
  unavailableTitle,
  type SchedResourceProviderOptions,
} from './sched-resource-provider';
