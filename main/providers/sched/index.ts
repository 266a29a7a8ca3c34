/** The Sched adapter: REST client, the agent's directory, and the `CalendarProvider` for one resource. */
export { SchedClient, createSchedGate, idempotencyHeader, type SchedClientOptions } from './sched-client';
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
export { SchedApiKeyError, SchedHttpError, SchedRequestError, classifySchedFailure } from './sched-errors';
export type * from './sched-wire';
