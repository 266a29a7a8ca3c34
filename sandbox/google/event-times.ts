/**
 * Event start/end as Google accepts them (`date` for all-day, `dateTime` with an offset or a `timeZone`)
 * and as it returns them (dateTime in the event's zone, falling back to the calendar's).
 * https://developers.google.com/calendar/api/v3/reference/events#resource
 */
import { invalid, required } from './errors';
import type { StoredTime } from './model';
import { isValidZone, localToUtc } from '../core/zones';
import { dateStartMs, formatInZone } from './time-zones';

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an RFC 3339 timestamp that carries an offset (timeMin, timeMax, updatedMin); null otherwise. */
export function parseInstant(value: string): number | null {
  const match = dateTimePattern.exec(value);
  if (!match?.[8]) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function isValidDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Turns a client's start or end into the stored form, answering 400 the way Google words it. */
export function parseEventTime(input: unknown, which: 'start' | 'end'): StoredTime {
  if (typeof input !== 'object' || input === null) throw required(`Missing ${which} time.`);
  const { date, dateTime, timeZone } = input as Record<string, unknown>;
  if (
    timeZone !== undefined &&
    timeZone !== null &&
    (typeof timeZone !== 'string' || !isValidZone(timeZone))
  ) {
    throw invalid(`Invalid time zone definition for ${which} time.`);
  }
  const zone = typeof timeZone === 'string' ? timeZone : undefined;
  const hasDate = typeof date === 'string' && date !== '';
  const hasDateTime = typeof dateTime === 'string' && dateTime !== '';
  if (hasDate && hasDateTime) throw invalid(`Invalid ${which} time: give either date or dateTime.`);
  if (hasDate) {
    if (!isValidDate(date)) throw invalid(`Invalid ${which} time.`);
    return zone ? { date, timeZone: zone } : { date };
  }
  if (!hasDateTime) throw required(`Missing ${which} time.`);
  const match = dateTimePattern.exec(dateTime);
  if (!match) throw invalid(`Invalid ${which} time.`);
  let ms: number;
  if (match[8]) {
    ms = Date.parse(dateTime);
  } else {
    if (!zone) throw invalid(`Missing time zone definition for ${which} time.`);
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
    ms = localToUtc(
      { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! },
      zone,
    );
  }
  if (Number.isNaN(ms)) throw invalid(`Invalid ${which} time.`);
  const iso = new Date(ms).toISOString();
  return zone ? { dateTime: iso, timeZone: zone } : { dateTime: iso };
}

/** The instant a stored time begins; all-day dates start at midnight in the calendar's zone. */
export function timeMs(time: StoredTime, calendarZone: string): number {
  if (time.date) return dateStartMs(time.date, calendarZone);
  return Date.parse(time.dateTime ?? '');
}

/** The wire form of a stored time. */
export function renderTime(time: StoredTime, calendarZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (time.date) out.date = time.date;
  else out.dateTime = formatInZone(Date.parse(time.dateTime ?? ''), time.timeZone ?? calendarZone);
  if (time.timeZone) out.timeZone = time.timeZone;
  return out;
}

/** True when two stored times name the same moment the same way. */
export function sameTime(a: StoredTime | undefined, b: StoredTime | undefined): boolean {
  return a?.date === b?.date && a?.dateTime === b?.dateTime && a?.timeZone === b?.timeZone;
}
