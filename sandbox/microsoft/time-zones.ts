/**
 * Wall-clock ↔ instant conversion for Graph's `dateTimeTimeZone` ({dateTime without offset, timeZone}).
 * Graph accepts Windows zone names and IANA names; we map the common Windows names to IANA and let
 * Intl do the arithmetic. https://learn.microsoft.com/graph/api/resources/datetimetimezone
 */
import { fail } from './errors';

const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

/** The IANA zone for a Windows or IANA zone name, or null when neither Graph nor Intl knows it. */
export function resolveZone(name: string): string | null {
  const mapped = WINDOWS_ZONES[name];
  if (mapped) return mapped;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Like resolveZone, but a 400 in Graph's words for an unknown zone. */
export function requireZone(name: string): string {
  const zone = resolveZone(name);
  if (zone === null) {
    fail(
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
      'TimeZoneNotSupportedException',
    );
  }
  return zone;
}

/** Normalises a Graph dateTime (`2024-05-01T09:00:00.0000000`, seconds optional) to `YYYY-MM-DDTHH:mm:ss`. */
export function parseLocal(dateTime: string): string {
  const m = LOCAL_PATTERN.exec(dateTime.replace(/Z$/, ''));
  if (!m) fail(`Cannot convert the literal '${dateTime}' to the expected type 'Edm.DateTime'.`, 'BadRequest');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

/** Wall-clock parts of an instant in a zone, as `YYYY-MM-DDTHH:mm:ss`. */
export function utcToLocal(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The instant a wall-clock time names in a zone (the earlier one in a DST overlap, shifted forward in a gap). */
export function localToUtc(local: string, zone: string): Date {
  const asIfUtc = Date.parse(`${local}Z`);
  // Two passes converge for every real zone: the offset at the guess, then at the corrected guess.
  let guess = asIfUtc - offsetAt(asIfUtc, zone);
  guess = asIfUtc - offsetAt(guess, zone);
  return new Date(guess);
}

function offsetAt(instantMs: number, zone: string): number {
  const wall = Date.parse(`${utcToLocal(new Date(instantMs), zone)}Z`);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** Graph prints dateTime with seven fractional digits. */
export function graphDateTime(local: string): string {
  return `${local}.0000000`;
}

/** Graph prints DateTimeOffset properties (createdDateTime, originalStart) in UTC with a Z. */
export function graphInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Timestamps (createdDateTime, lastModifiedDateTime) carry seven fractional digits, as Graph prints them. */
export function graphTimestamp(instant: Date): string {
  return instant.toISOString().replace(/Z$/, '0000Z');
}
