/** RFC 3339 checks and Sched's forms of zoned times, for bookings and the demo seed; the zone math is ../core/zones. */
import { formatWallClock, isValidZone, localToUtc, wallClock } from '../core/zones';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** True for a full-date (`2025-03-01`) that exists in the calendar. */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** True for an RFC 3339 date-time with a `Z` or numeric offset. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** An instant as RFC 3339 in UTC without milliseconds, the form every booking time is stored in. */
export function toUtcString(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** True when the runtime knows the IANA zone. */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && isValidZone(value);
}

/** The instant a wall-clock time (`YYYY-MM-DD`, `HH:MM`) has in a zone. */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  return new Date(localToUtc(`${date}T${time}`, timeZone));
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  return formatWallClock(wallClock(instant, timeZone)).slice(0, 10);
}

/** The instant a booking time stands for: a date means midnight in the booking's zone. */
export function instantOf(value: string, timeZone: string): Date {
  return isDate(value) ? zonedToInstant(value, '00:00', timeZone) : new Date(value);
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
