/**
 * Google's wire forms of zoned times (RFC 3339 with the zone's offset, all-day dates at local midnight). The zone
 * arithmetic itself is shared by all stand-ins in ../core/zones.
 */
import { localToUtc, offsetMinutes, wallClock, formatWallClock } from '../core/zones';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** RFC 3339 with the zone's offset, as Google writes `dateTime` (e.g. 2025-03-10T09:00:00-04:00). */
export function formatInZone(instantMs: number, timeZone: string): string {
  const minutes = offsetMinutes(instantMs, timeZone);
  const sign = minutes < 0 ? '-' : '+';
  const offset =
    minutes === 0 && timeZone === 'UTC'
      ? 'Z'
      : `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${formatWallClock(wallClock(instantMs, timeZone))}${offset}`;
}

/** Midnight at the start of a YYYY-MM-DD date in a zone, as an instant. */
export function dateStartMs(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return localToUtc(
    { year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0 },
    timeZone,
  );
}

/** YYYY-MM-DD of a floating (UTC-read) date. */
export function floatingDate(floatingMs: number): string {
  return new Date(floatingMs).toISOString().slice(0, 10);
}
