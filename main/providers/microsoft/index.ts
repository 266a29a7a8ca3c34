/** The Microsoft Graph adapter of the `CalendarProvider` port. */
export {
  GraphCalendarProvider,
  createMicrosoftGate,
  deltaPageSize,
  type GraphCalendarProviderOptions,
} from './graph-calendar-provider';
export { listGraphCalendars, type GraphCalendarSummary } from './graph-calendars';
export { createGraphClient, type GraphTokens } from './graph-client';
export { classifyGraphFailure, GraphRequestError } from './graph-errors';
export type { GraphEvent } from './graph-event';
export { eventForCreate, eventPatchFor, eventToItem, timeFromGraph, timeToGraph } from './graph-event-mapper';
export { schedSyncPropertySet, tagPropertyIds, tagsExpand } from './graph-tags';
export { transactionIdFor } from './graph-requests';
export { ianaZoneOf } from './windows-zones';
