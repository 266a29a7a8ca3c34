/** Dates and times as a person reads them, in the browser's locale. */

const dayAndTime: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};
const dayOnly: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};

const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * An instant or an all-day date ("2025-03-04") as "Tue, Mar 4, 2025, 10:00 AM" or "Tue, Mar 4, 2025 (all day)".
 * `locale`: the browser's unless given (tests fix it).
 */
export function formatWhen(value: string, timeZone?: string, locale?: string): string {
  if (isDateOnly(value)) {
    // A date has no zone: format it at UTC noon so no zone shift can move it to another day.
    const date = new Date(`${value}T12:00:00Z`);
    return `${date.toLocaleDateString(locale, { ...dayOnly, timeZone: 'UTC' })} (all day)`;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return date.toLocaleString(locale, { ...dayAndTime, ...(timeZone ? { timeZone } : {}) });
  } catch {
    // An unknown zone name: the local clock is better than nothing.
    return date.toLocaleString(locale, dayAndTime);
  }
}

/** Splits the agent's "2025-03-04T09:00:00.000Z (Europe/Berlin)" into the instant and the zone it was written in. */
export function parseItemTime(value: string): { at: string; zone: string | null } {
  const match = /^(\S+) \((.+)\)$/.exec(value);
  return match?.[1] && match[2] ? { at: match[1], zone: match[2] } : { at: value, zone: null };
}

/**
 * A conflict field's time on the resource's clock, with the clock it was written on in small print only where that
 * differs: { main: "Tue, Mar 4, 2025, 9:30 AM", other: "4:30 AM in America/New_York" }.
 */
export function formatItemTime(
  value: string,
  resourceZone?: string,
  locale?: string,
): { main: string; other: string | null } {
  const { at, zone } = parseItemTime(value);
  const main = formatWhen(at, resourceZone ?? zone ?? undefined, locale);
  if (!zone || !resourceZone || zone === resourceZone || isDateOnly(at)) return { main, other: null };
  const inOther = formatWhen(at, zone, locale);
  return inOther === main ? { main, other: null } : { main, other: `${inOther} in ${zone}` };
}

/** The hour and minute of an instant on a clock: "9:30 AM". */
export function formatClock(value: string, timeZone?: string, locale?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  try {
    return date.toLocaleTimeString(locale, { ...options, ...(timeZone ? { timeZone } : {}) });
  } catch {
    return date.toLocaleTimeString(locale, options);
  }
}

/** A moment in the past as "5 min ago", falling back to the date when older than a day. */
export function formatAgo(value: string | null, now: Date = new Date(), locale?: string): string {
  if (!value) return 'Never';
  const date = new Date(value);
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (Number.isNaN(seconds)) return value;
  if (seconds < 45) return 'Just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return date.toLocaleString(locale, dayAndTime);
}

/** A run's start as a full local date and time. */
export function formatStamp(value: string, locale?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale, { ...dayAndTime, second: '2-digit' });
}
