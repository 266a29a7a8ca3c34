/**
 * Which calendar a path names: `/me/calendars/{id}/…`, or the default calendar for `/me/calendar/…`,
 * `/me/events` and `/me/calendarView`.
 */
import type { SandboxRequest } from '../core/types';
import type { Mailbox, StoredCalendar } from './model';
import type { GraphStore } from './store';

/** The calendar named by the request's `calendarId` parameter, the default one without it, or null. */
export function calendarOf(store: GraphStore, mailbox: Mailbox, req: SandboxRequest): StoredCalendar | null {
  const id = req.params.calendarId;
  return id === undefined ? store.defaultCalendar(mailbox) : store.calendar(mailbox, id);
}

/** Route patterns for one calendar-scoped suffix under every path that names a calendar. */
export function calendarPatterns(suffix: string): string[] {
  return [`/v1.0/me/calendars/:calendarId${suffix}`, `/v1.0/me/calendar${suffix}`];
}
