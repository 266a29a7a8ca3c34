/**
 * Wall-clock ↔ instant conversion for Graph's `dateTimeTimeZone` ({dateTime without offset, timeZone}).
 * Graph accepts Windows zone names and IANA names; we map the common Windows names to IANA and leave the
 * arithmetic to ../core/zones. https://learn.microsoft.com/graph/api/resources/datetimetimezone
 */
import { canonicalZone, formatWallClock, localToUtc as zonedLocalToUtc, wallClock } from '../core/zones';
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
  // Own keys only: a name like `constructor` is no Windows zone, whatever Object.prototype holds.
  return Object.hasOwn(WINDOWS_ZONES, name) ? (WINDOWS_ZONES[name] ?? null) : canonicalZone(name);
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

/** Wall-clock time of an instant in a zone, as Graph's `YYYY-MM-DDTHH:mm:ss`. */
export function utcToLocal(instant: Date, zone: string): string {
  return formatWallClock(wallClock(instant, zone));
}

/** The instant a Graph `YYYY-MM-DDTHH:mm:ss` names in a zone (the earlier one in a DST overlap, shifted forward in a gap). */
export function localToUtc(local: string, zone: string): Date {
  return new Date(zonedLocalToUtc(local, zone));
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
