/**
 * What a calendar shows: single events, series occurrences and exceptions as "instances" with UTC bounds.
 * calendarView, its delta and `GET /me/events/{occurrenceId}` all see the same instances, so an occurrence
 * has one id everywhere. https://learn.microsoft.com/graph/api/user-list-calendarview
 */
import { occurrenceId, parseOccurrenceId } from './model';
import type { DateTimeTimeZone, Mailbox, StoredEvent } from './model';
import { dayNumber, dayString, occurrenceDates } from './recurrence';
import { graphInstant, localToUtc, resolveZone, utcToLocal } from './time-zones';

export type InstanceType = 'singleInstance' | 'seriesMaster' | 'occurrence' | 'exception';

/** One row of a view: the stored record whose fields it shows (the master, for an occurrence) and its bounds. */
export interface Instance {
  id: string;
  type: InstanceType;
  source: StoredEvent;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  startMs: number;
  endMs: number;
  originalStart: string | null;
  seq: number;
}

function zoneOf(name: string): string {
  return resolveZone(name) ?? 'UTC';
}

/** UTC bounds of a stored event's own start and end. */
export function boundsOf(event: StoredEvent): { startMs: number; endMs: number } {
  return {
    startMs: localToUtc(event.start.dateTime, zoneOf(event.start.timeZone)).getTime(),
    endMs: localToUtc(event.end.dateTime, zoneOf(event.end.timeZone)).getTime(),
  };
}

/** A stored event as an instance of its own type. */
export function storedInstance(event: StoredEvent): Instance {
  return {
    id: event.id,
    type: event.type,
    source: event,
    start: event.start,
    end: event.end,
    ...boundsOf(event),
    originalStart: event.originalStart,
    seq: event.seq,
  };
}

/**
 * Occurrences of a master up to `untilMs`, leaving out cancelled ones and those replaced by an exception.
 * Each starts at the master's wall-clock time in the master's zone, so DST does not move it.
 */
export function occurrencesOf(
  master: StoredEvent,
  exceptionStarts: Set<string>,
  untilMs: number,
): Instance[] {
  if (!master.recurrence) return [];
  const zone = zoneOf(master.start.timeZone);
  const endZone = zoneOf(master.end.timeZone);
  const { startMs, endMs } = boundsOf(master);
  const duration = endMs - startMs;
  const time = master.start.dateTime.slice(11);
  const allDayDays = Math.round(
    dayNumber(master.end.dateTime.slice(0, 10)) - dayNumber(master.start.dateTime.slice(0, 10)),
  );
  const out: Instance[] = [];
  for (const date of occurrenceDates(master.recurrence, Math.floor(untilMs / 86_400_000) + 2)) {
    const localStart = `${date}T${time}`;
    const start = localToUtc(localStart, zone);
    const originalStart = graphInstant(start);
    if (master.cancelledOccurrences.includes(originalStart) || exceptionStarts.has(originalStart)) continue;
    const localEnd = master.isAllDay
      ? `${dayString(dayNumber(date) + allDayDays)}T00:00:00`
      : utcToLocal(new Date(start.getTime() + duration), endZone);
    const endInstant = master.isAllDay ? localToUtc(localEnd, endZone).getTime() : start.getTime() + duration;
    out.push({
      id: occurrenceId(master.id, originalStart),
      type: 'occurrence',
      source: master,
      start: { dateTime: localStart, timeZone: master.start.timeZone },
      end: { dateTime: localEnd, timeZone: master.end.timeZone },
      startMs: start.getTime(),
      endMs: endInstant,
      originalStart,
      seq: master.seq,
    });
  }
  return out;
}

function exceptionsOf(mailbox: Mailbox, masterId: string): StoredEvent[] {
  return Object.values(mailbox.events).filter((e) => e.type === 'exception' && e.seriesMasterId === masterId);
}

/**
 * Instances of one calendar overlapping [fromMs, toMs), series masters left out, ordered by start.
 * An instance overlaps when it ends after the window starts and starts before it ends; a zero-length
 * event at the window start counts, as in Outlook.
 */
export function viewInstances(
  mailbox: Mailbox,
  calendarId: string,
  fromMs: number,
  toMs: number,
): Instance[] {
  const overlaps = (i: Instance): boolean => i.startMs < toMs && (i.endMs > fromMs || i.startMs === fromMs);
  const out: Instance[] = [];
  for (const event of Object.values(mailbox.events)) {
    if (event.calendarId !== calendarId) continue;
    if (event.type === 'seriesMaster') {
      const replaced = new Set(exceptionsOf(mailbox, event.id).map((e) => e.originalStart ?? ''));
      out.push(...occurrencesOf(event, replaced, toMs).filter(overlaps));
    } else {
      const instance = storedInstance(event);
      if (overlaps(instance)) out.push(instance);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
}

/** The instance an id names (stored event, exception, or a live occurrence), or null. */
export function findInstance(mailbox: Mailbox, id: string): Instance | null {
  const stored = mailbox.events[id];
  if (stored) return storedInstance(stored);
  const parsed = parseOccurrenceId(id);
  const master = parsed ? mailbox.events[parsed.masterId] : undefined;
  if (!parsed || !master || master.type !== 'seriesMaster') return null;
  const until = Date.parse(parsed.originalStart) + 1;
  return (
    occurrencesOf(master, new Set(), until).find((o) => o.originalStart === parsed.originalStart) ?? null
  );
}
