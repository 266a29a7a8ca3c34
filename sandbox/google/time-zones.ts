/**
 * Wall-clock ↔ instant conversions in IANA zones using Intl, so recurring events keep their local time across DST.
 */

/** Calendar fields of a wall-clock time, month 1-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a zone. */
export function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Wall time read as if it were UTC: the "floating" form recurrence expansion works in. */
export function wallToFloatingMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The inverse of wallToFloatingMs. */
export function floatingMsToWall(floatingMs: number): WallTime {
  const d = new Date(floatingMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallToFloatingMs(wallTimeAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a DST jump lands after the jump,
 * as calendar apps do.
 */
export function zonedWallToInstantMs(wall: WallTime, timeZone: string): number {
  const floating = wallToFloatingMs(wall);
  let guess = floating - offsetMsAt(floating, timeZone);
  guess = floating - offsetMsAt(guess, timeZone);
  return guess;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** RFC 3339 with the zone's offset, as Google writes `dateTime` (e.g. 2025-03-10T09:00:00-04:00). */
export function formatInZone(instantMs: number, timeZone: string): string {
  const wall = wallTimeAt(instantMs, timeZone);
  const offsetMinutes = Math.round(offsetMsAt(instantMs, timeZone) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset =
    offsetMinutes === 0 && timeZone === 'UTC'
      ? 'Z'
      : `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T` +
    `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`
  );
}

/** Midnight at the start of a YYYY-MM-DD date in a zone, as an instant. */
export function dateStartMs(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return zonedWallToInstantMs(
    { year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0 },
    timeZone,
  );
}

/** YYYY-MM-DD of a floating (UTC-read) date. */
export function floatingDate(floatingMs: number): string {
  return new Date(floatingMs).toISOString().slice(0, 10);
}
