/** The Google Calendar adapter of the `CalendarProvider` port. */
export {
  GoogleCalendarProvider,
  createGoogleGate,
  type GoogleCalendarProviderOptions,
} from './google-calendar-provider';
export { classifyGoogleFailure, GoogleRequestError } from './google-errors';
export { eventIdFor } from './google-event-id';
export { eventToItem, eventForInsert, eventPatchFor, tagProperties } from './google-event-mapper';
