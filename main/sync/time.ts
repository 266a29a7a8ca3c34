/**
 * Time-zone arithmetic with `Intl.DateTimeFormat` only (shared/SYNC.md, "Time"): instants are UTC plus the IANA
 * zone they were written in, all-day items stay dates. No clock: every function takes the time it works on.
 */
import type { ItemTime } from './item';

const dayMs = 86_400_000;

/**
 * Formatters are costly to build and pure once built, so they are memoised per zone. The cache holds no state a
 * caller could observe, so it is not a singleton in the sense STYLE.md forbids.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone. */
interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(epochMs: number, zone: string): WallParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at an instant, in minutes (Europe/London in summer → 60). */
export function zoneOffsetMinutes(epochMs: number, zone: string): number {
  const p = wallParts(epochMs, zone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

/** The wall time of an instant in a zone, as `YYYY-MM-DDTHH:mm:ss`. */
export function utcToWallTime(utc: string, zone: string): string {
  const p = wallParts(Date.parse(utc), zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

function parseWall(wall: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(wall);
  if (!match) throw new RangeError(`Not a wall time (YYYY-MM-DDTHH:mm[:ss]): ${wall}`);
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
}

/**
 * The UTC instant of a wall time in a zone, DST-safe. A wall time that happens twice (clocks go back) resolves to
 * the first occurrence; one that never happens (clocks go forward) moves forward by the gap, as calendars do.
 */
export function wallTimeToUtc(wall: string, zone: string): string {
  const wallMs = parseWall(wall);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = zoneOffsetMinutes(wallMs - dayMs, zone) * 60_000;
  const after = zoneOffsetMinutes(wallMs + dayMs, zone) * 60_000;
  const candidates = [wallMs - before, wallMs - after].filter(
    (ms) => zoneOffsetMinutes(ms, zone) * 60_000 === wallMs - ms,
  );
  const chosen = candidates.length > 0 ? Math.min(...candidates) : wallMs - before;
  return new Date(chosen).toISOString();
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a zone. */
export function dateInZone(utc: string, zone: string): string {
  return utcToWallTime(utc, zone).slice(0, 10);
}

/** Adds whole days to a `YYYY-MM-DD` date (calendar arithmetic: no zone, no DST). */
export function addDays(date: string, days: number): string {
  return new Date(parseWall(date) + days * dayMs).toISOString().slice(0, 10);
}

/** The instant a date begins in a zone (local midnight, or the first moment after it if midnight is skipped). */
export function startOfDayUtc(date: string, zone: string): string {
  return wallTimeToUtc(`${date}T00:00:00`, zone);
}

/** Epoch milliseconds of an item time; a date counts from its local midnight in `zone`. */
export function timeToEpochMs(time: ItemTime, zone: string): number {
  return Date.parse(time.kind === 'instant' ? time.utc : startOfDayUtc(time.date, zone));
}

/**
 * An all-day range as stored by Sched (instants in the resource's zone) turned into dates. The end stays exclusive:
 * an end at local midnight is that date, an end later in the day rounds up to the next date. Dates never shift.
 */
export function allDayFromInstants(
  startUtc: string,
  endUtc: string,
  zone: string,
): { start: ItemTime; end: ItemTime } {
  const startDate = dateInZone(startUtc, zone);
  const endWall = utcToWallTime(endUtc, zone);
  const endDate = endWall.endsWith('T00:00:00') ? endWall.slice(0, 10) : addDays(endWall.slice(0, 10), 1);
  return {
    start: { kind: 'date', date: startDate },
    end: { kind: 'date', date: endDate > startDate ? endDate : addDays(startDate, 1) },
  };
}

/** An all-day date range as instants in `zone` (local midnights), for a side that stores only instants. */
export function instantsFromAllDay(
  startDate: string,
  endDate: string,
  zone: string,
): { startUtc: string; endUtc: string } {
  return { startUtc: startOfDayUtc(startDate, zone), endUtc: startOfDayUtc(endDate, zone) };
}

/** An instant item time from a wall time in a zone (what a person typed into a calendar). */
export function instantAt(wall: string, zone: string): ItemTime {
  return { kind: 'instant', utc: wallTimeToUtc(wall, zone), zone };
}
