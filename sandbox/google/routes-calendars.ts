/**
 * calendarList.list/get and calendars.get. A user sees only their own calendars.
 * https://developers.google.com/calendar/api/v3/reference/calendarList
 */
import type { Route } from '../core/types';
import type { EventStore } from './event-store';
import { param, type GoogleHandler } from './guard';
import type { StoredCalendar } from './model';

function calendarEtag(calendar: StoredCalendar): string {
  return `"${calendar.version}000000"`;
}

/** A calendar as a `calendar#calendarListEntry`. */
export function renderListEntry(calendar: StoredCalendar): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    kind: 'calendar#calendarListEntry',
    etag: calendarEtag(calendar),
    id: calendar.id,
    summary: calendar.summary,
    timeZone: calendar.timeZone,
    colorId: calendar.colorId,
    backgroundColor: calendar.backgroundColor,
    foregroundColor: '#000000',
    selected: true,
    accessRole: 'owner',
    defaultReminders: [],
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
  if (calendar.description) entry.description = calendar.description;
  if (calendar.primary) entry.primary = true;
  return entry;
}

/** A calendar as a `calendar#calendar`. */
export function renderCalendar(calendar: StoredCalendar): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    kind: 'calendar#calendar',
    etag: calendarEtag(calendar),
    id: calendar.id,
    summary: calendar.summary,
    timeZone: calendar.timeZone,
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
  if (calendar.description) resource.description = calendar.description;
  return resource;
}

/** The calendar routes, each wrapped by the service's guard. */
export function calendarRoutes(
  store: EventStore,
  guard: (handler: GoogleHandler) => Route['handler'],
): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/calendar/v3/users/me/calendarList',
      handler: guard((_req, user) => ({
        status: 200,
        body: {
          kind: 'calendar#calendarList',
          etag: `"${store.state.seq}"`,
          nextSyncToken: `CL${Buffer.from(store.state.epoch).toString('base64url')}`,
          items: store.calendarsOf(user).map(renderListEntry),
        },
      })),
    },
    {
      method: 'GET',
      pattern: '/calendar/v3/users/me/calendarList/:calendarId',
      handler: guard((req, user) => ({
        status: 200,
        body: renderListEntry(store.calendarFor(user, param(req, 'calendarId'))),
      })),
    },
    {
      method: 'GET',
      pattern: '/calendar/v3/calendars/:calendarId',
      handler: guard((req, user) => ({
        status: 200,
        body: renderCalendar(store.calendarFor(user, param(req, 'calendarId'))),
      })),
    },
  ];
}
