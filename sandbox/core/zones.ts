/**
 * IANA zone arithmetic for the sandbox's stand-ins (Sched, Google, Graph), with Intl only. The stand-ins keep their own
 * copy of this math on purpose rather than importing the agent's (`main/sync/time.ts`): a shared bug would pass unseen.
 *
 * Wall-clock times that a DST change skips or repeats follow RFC 5545 §3.3.5, as Google and Outlook place them: a
 * skipped time is read with the offset in force before the gap (02:30 on the spring-forward night in New York is
 * 03:30 EDT), and a repeated time is its first occurrence (01:30 on the fall-back night is 01:30 EDT).
 * https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5
 */

/** Calendar fields of a wall-clock time, month 1-based, no zone attached. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const dayMs = 86_400_000;

/**
 * Building an Intl.DateTimeFormat costs far more than using one, and recurrence expansion formats thousands of
 * instants. The memo is keyed by zone name and holds nothing a caller can observe, so it is no shared state.
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

/** The runtime's canonical spelling of a zone name (`europe/london` → `Europe/London`), or null when Intl does not know it. */
export function canonicalZone(zone: string): string | null {
  try {
    return formatterFor(zone).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** True when Intl knows the IANA zone name. */
export function isValidZone(zone: string): boolean {
  return canonicalZone(zone) !== null;
}

/** The wall-clock time an instant shows in a zone; throws a RangeError for an invalid instant or zone. */
export function wallClock(instant: Date | number, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** A wall-clock time read as if it were UTC: the "floating" form that recurrence rules and date arithmetic work in. */
export function floatingMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The inverse of floatingMs. */
export function floatingWallClock(floating: number): WallClock {
  const d = new Date(floating);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:mm:ss`, the zone-less form Graph's dateTime and Sched's local times are written in. */
export function formatWallClock(wall: WallClock): string {
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T` +
    `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`
  );
}

/** Milliseconds the zone is ahead of UTC; exact to the second, since pre-1900 local mean times are not whole minutes. */
function offsetMs(instantMs: number, zone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return floatingMs(wallClock(wholeSecond, zone)) - wholeSecond;
}

/** Minutes the zone is ahead of UTC at an instant (Europe/London in summer → 60, America/New_York in winter → -300). */
export function offsetMinutes(instant: Date | number, zone: string): number {
  return Math.round(offsetMs(Number(instant), zone) / 60_000);
}

/**
 * The UTC instant (epoch ms) a wall-clock time names in a zone, by the rule in this file's header. A string is
 * `YYYY-MM-DDTHH:mm[:ss]` read as Date.parse reads it; one it cannot read (month 13) throws a RangeError.
 */
export function localToUtc(local: WallClock | string, zone: string): number {
  const floating = typeof local === 'string' ? Date.parse(`${local}Z`) : floatingMs(local);
  // A zone changes its offset at most once within a day of any wall time, so the offsets a day either side are
  // the only ones the answer can use; each gives a candidate that is real only if the zone agrees with it then.
  const offsetBefore = offsetMs(floating - dayMs, zone);
  const offsetAfter = offsetMs(floating + dayMs, zone);
  const real = [floating - offsetBefore, floating - offsetAfter].filter(
    (candidate) => offsetMs(candidate, zone) === floating - candidate,
  );
  // Two real candidates: a repeated hour, take the first. None: a skipped hour, keep the offset before the gap.
  return real.length > 0 ? Math.min(...real) : floating - offsetBefore;
}
