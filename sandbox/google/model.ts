/**
 * The Google stand-in's stored state: plain JSON, so `snapshot()` is a deep copy and `restore()` a check.
 */

/** A start or end as stored: an instant in UTC (with the zone it was written in) or an all-day date. */
export interface StoredTime {
  /** ISO 8601 UTC instant, for timed events. */
  dateTime?: string;
  /** YYYY-MM-DD, for all-day events. */
  date?: string;
  timeZone?: string;
}

/** A calendar and who owns it; the owner sees it in their calendar list. */
export interface StoredCalendar {
  id: string;
  owner: string;
  summary: string;
  description?: string;
  timeZone: string;
  primary: boolean;
  colorId: string;
  backgroundColor: string;
  /** Bumped on every change so the calendar's etag moves. */
  version: number;
}

/** An event, a recurring series, or an exception (modified or cancelled instance) of a series. */
export interface StoredEvent {
  id: string;
  calendarId: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  start: StoredTime;
  end: StoredTime;
  /** Client-writable fields Google keeps as they were sent (summary, description, extendedProperties, …). */
  fields: Record<string, unknown>;
  recurrence?: string[];
  /**
   * Someone else who organised the event (an invitation in this calendar); absent when the calendar's owner
   * organised it. Google sets it from the invitation; clients cannot write it on insert.
   */
  organizer?: { email: string; displayName?: string };
  /** Set on exceptions: the series id and the instance's original start. */
  recurringEventId?: string;
  originalStartTime?: StoredTime;
  iCalUID: string;
  sequence: number;
  created: string;
  updated: string;
  /** Global change counter value of the last write: the basis of etags and sync tokens. */
  changeSeq: number;
  /** Order of creation, so lists keep a stable order while events change. */
  createdSeq: number;
}

/** Everything the service keeps. `epoch` changes on every seed, which expires older sync tokens. */
export interface GoogleState {
  version: 1;
  epoch: string;
  seq: number;
  calendars: Record<string, StoredCalendar>;
  /** calendarId → eventId → event. */
  events: Record<string, Record<string, StoredEvent>>;
}

/** A fresh, empty state. */
export function emptyState(epoch: string): GoogleState {
  return { version: 1, epoch, seq: 0, calendars: {}, events: {} };
}
