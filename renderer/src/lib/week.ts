/** Days for the schedule view: `YYYY-MM-DD` strings counted in the resource's zone. */

const dayMs = 86_400_000;

/** The date of an instant on a zone's clock ("2025-03-04"). */
export function dateOn(value: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value.slice(0, 10);
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** `date` plus `days` (negative goes back). */
export function addDaysTo(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDaysTo(date, -((weekday + 6) % 7));
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 62; d = addDaysTo(d, 1)) out.push(d);
  return out;
}

/** A day as a heading: "Tuesday, 4 March 2025" (in the locale's order). */
export function dayHeading(date: string, locale?: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A range as "3 – 9 March 2025". */
export function rangeLabel(from: string, to: string, locale?: string): string {
  const at = (d: string) => new Date(`${d}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  };
  if (from === to) return at(from).toLocaleDateString(locale, { weekday: 'long', ...options });
  try {
    return new Intl.DateTimeFormat(locale, options).formatRange(at(from), at(to));
  } catch {
    return `${at(from).toLocaleDateString(locale, options)} – ${at(to).toLocaleDateString(locale, options)}`;
  }
}
