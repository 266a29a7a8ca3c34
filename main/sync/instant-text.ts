/**
 * An instant's epoch milliseconds as decimal text, the way the content hash writes instants
 * (`String(Date.parse(…))`), but several times faster for the two forms the providers write (`2026-12-01T09:00:00Z`,
 * `…:00.000Z`): the planner hashes every changed item several times, and `Date.parse` and number-to-text were half of
 * that. Anything else goes through `Date.parse`, so the answer is always the one it gives.
 */

const zero = 48;

/** The two digits at `at` as a number, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - zero;
  const ones = text.charCodeAt(at + 1) - zero;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:mm:ssZ` or `YYYY-MM-DDTHH:mm:ss.sssZ` with every field in its everyday range
 * (days up to 28, so no month-end rule is involved), else undefined.
 */
function plainUtcMs(utc: string): number | undefined {
  const length = utc.length;
  if (length !== 20 && length !== 24) return undefined;
  if (utc[4] !== '-' || utc[7] !== '-' || utc[10] !== 'T' || utc[13] !== ':' || utc[16] !== ':')
    return undefined;
  if (utc[length - 1] !== 'Z' || (length === 24 && utc[19] !== '.')) return undefined;
  const century = twoDigits(utc, 0);
  const yearOfCentury = twoDigits(utc, 2);
  const month = twoDigits(utc, 5);
  const day = twoDigits(utc, 8);
  const hour = twoDigits(utc, 11);
  const minute = twoDigits(utc, 14);
  const second = twoDigits(utc, 17);
  const centis = length === 24 ? twoDigits(utc, 20) : 0;
  const lastDigit = length === 24 ? utc.charCodeAt(22) - zero : 0;
  // Years before 1000 are left to Date.parse: Date.UTC reads years 0–99 as 1900–1999.
  if (century < 10 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || day > 28) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  if (centis < 0 || lastDigit < 0 || lastDigit > 9) return undefined;
  return Date.UTC(
    century * 100 + yearOfCentury,
    month - 1,
    day,
    hour,
    minute,
    second,
    centis * 10 + lastDigit,
  );
}

/** Decimal text of a whole, non-negative number of milliseconds: two small integers convert faster than one large. */
function msText(ms: number): string {
  if (ms < 10_000_000 || ms >= 1e15) return String(ms);
  const high = Math.floor(ms / 10_000_000);
  return String(high) + String(ms - high * 10_000_000 + 10_000_000).slice(1);
}

/** `String(Date.parse(utc))`, or undefined where that is `NaN`. */
export function instantMsText(utc: string): string | undefined {
  const ms = plainUtcMs(utc) ?? Date.parse(utc);
  if (Number.isNaN(ms)) return undefined;
  return ms >= 0 && Number.isInteger(ms) ? msText(ms) : String(ms);
}
