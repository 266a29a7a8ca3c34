/**
 * Graph's patternedRecurrence (pattern + range) validated and expanded into occurrence dates.
 * Written by hand rather than through `rrule` because Graph's shapes (relativeMonthly `index`, a week that
 * starts on `firstDayOfWeek`, `numbered` ranges) map directly onto day arithmetic, and `rrule` does not load
 * as an ES module under plain Node. https://learn.microsoft.com/graph/api/resources/patternedrecurrence
 */
import { fail } from './errors';

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
const DAYS: DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
type WeekIndex = (typeof INDEXES)[number];
const PATTERN_TYPES = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;

/** The pattern half, with every property Graph returns (unused ones zero or defaulted). */
export interface RecurrencePattern {
  type: (typeof PATTERN_TYPES)[number];
  interval: number;
  month: number;
  dayOfMonth: number;
  daysOfWeek: DayOfWeek[];
  firstDayOfWeek: DayOfWeek;
  index: WeekIndex;
}

/** The range half; dates are `YYYY-MM-DD`, `endDate` is `0001-01-01` unless the type is endDate. */
export interface RecurrenceRange {
  type: 'endDate' | 'noEnd' | 'numbered';
  startDate: string;
  endDate: string;
  recurrenceTimeZone: string;
  numberOfOccurrences: number;
}

export interface Recurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

/** Hard stop for series without an end, so a view far in the future cannot loop for ever. */
const MAX_DAYS = 366 * 20;

/** Checks a client's recurrence and fills the defaults Graph fills. */
export function normaliseRecurrence(input: unknown, defaultZone: string): Recurrence {
  const raw = (input ?? {}) as { pattern?: Record<string, unknown>; range?: Record<string, unknown> };
  const p = raw.pattern ?? {};
  const r = raw.range ?? {};
  const type = p.type as RecurrencePattern['type'];
  if (!PATTERN_TYPES.includes(type)) fail(`Recurrence pattern type '${String(p.type)}' is not valid.`);
  const daysOfWeek = ((p.daysOfWeek as string[] | undefined) ?? []).map((d) => d.toLowerCase() as DayOfWeek);
  if (daysOfWeek.some((d) => !DAYS.includes(d))) fail('Recurrence pattern daysOfWeek is not valid.');
  if ((type === 'weekly' || type.startsWith('relative')) && daysOfWeek.length === 0) {
    fail('Recurrence pattern daysOfWeek is required for this pattern type.');
  }
  const interval = Number(p.interval ?? 1);
  if (!Number.isInteger(interval) || interval < 1) fail('Recurrence pattern interval must be at least 1.');
  const rangeType = (r.type ?? 'noEnd') as RecurrenceRange['type'];
  if (!['endDate', 'noEnd', 'numbered'].includes(rangeType))
    fail(`Recurrence range type '${String(r.type)}' is not valid.`);
  const startDate = String(r.startDate ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) fail('Recurrence range startDate is required (YYYY-MM-DD).');
  const endDate = rangeType === 'endDate' ? String(r.endDate ?? '') : '0001-01-01';
  if (rangeType === 'endDate' && !/^\d{4}-\d{2}-\d{2}$/.test(endDate))
    fail('Recurrence range endDate is required.');
  const numberOfOccurrences = rangeType === 'numbered' ? Number(r.numberOfOccurrences ?? 0) : 0;
  if (rangeType === 'numbered' && !(numberOfOccurrences >= 1))
    fail('Recurrence range numberOfOccurrences must be at least 1.');
  return {
    pattern: {
      type,
      interval,
      month: Number(p.month ?? 0),
      dayOfMonth: Number(p.dayOfMonth ?? 0),
      daysOfWeek,
      firstDayOfWeek: ((p.firstDayOfWeek as string | undefined)?.toLowerCase() ?? 'sunday') as DayOfWeek,
      index: ((p.index as string | undefined) ?? 'first') as WeekIndex,
    },
    range: {
      type: rangeType,
      startDate,
      endDate,
      recurrenceTimeZone: String(r.recurrenceTimeZone ?? defaultZone),
      numberOfOccurrences,
    },
  };
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** `YYYY-MM-DD` for a day number. */
export function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Occurrence dates (`YYYY-MM-DD`, local to the series) from the series start up to `untilDay` inclusive,
 * honouring the range's end and count. Counting always starts at the range start, so a `numbered` series
 * ends at the same occurrence whatever window is asked for.
 */
export function occurrenceDates(recurrence: Recurrence, untilDay: number): string[] {
  const { pattern, range } = recurrence;
  const first = dayNumber(range.startDate);
  let last = Math.min(untilDay, first + MAX_DAYS);
  if (range.type === 'endDate') last = Math.min(last, dayNumber(range.endDate));
  const out: string[] = [];
  for (let day = first; day <= last; day++) {
    if (!matches(pattern, first, day)) continue;
    out.push(dayString(day));
    if (range.type === 'numbered' && out.length >= range.numberOfOccurrences) break;
  }
  return out;
}

function matches(p: RecurrencePattern, first: number, day: number): boolean {
  const date = new Date(day * 86_400_000);
  const weekday = DAYS[date.getUTCDay()] as DayOfWeek;
  const startDate = new Date(first * 86_400_000);
  const monthsApart =
    (date.getUTCFullYear() - startDate.getUTCFullYear()) * 12 + date.getUTCMonth() - startDate.getUTCMonth();
  const yearsApart = date.getUTCFullYear() - startDate.getUTCFullYear();
  switch (p.type) {
    case 'daily':
      return (day - first) % p.interval === 0;
    case 'weekly': {
      const weekStart = (d: number): number =>
        d - ((new Date(d * 86_400_000).getUTCDay() - DAYS.indexOf(p.firstDayOfWeek) + 7) % 7);
      const weeksApart = Math.round((weekStart(day) - weekStart(first)) / 7);
      return weeksApart % p.interval === 0 && p.daysOfWeek.includes(weekday);
    }
    case 'absoluteMonthly':
      return monthsApart % p.interval === 0 && date.getUTCDate() === clampedDay(p.dayOfMonth, date);
    case 'relativeMonthly':
      return monthsApart % p.interval === 0 && isNthWeekday(p, date);
    case 'absoluteYearly':
      return (
        yearsApart % p.interval === 0 &&
        date.getUTCMonth() + 1 === p.month &&
        date.getUTCDate() === clampedDay(p.dayOfMonth, date)
      );
    case 'relativeYearly':
      return yearsApart % p.interval === 0 && date.getUTCMonth() + 1 === p.month && isNthWeekday(p, date);
  }
}

/** Outlook puts "day 31" on the last day of shorter months rather than skipping them. */
function clampedDay(dayOfMonth: number, date: Date): number {
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return Math.min(dayOfMonth, daysInMonth);
}

/** Whether the date is the `index`-th (first…fourth, last) of the pattern's weekdays in its month. */
function isNthWeekday(p: RecurrencePattern, date: Date): boolean {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const candidates: number[] = [];
  for (let d = 1; d <= daysInMonth; d++) {
    const wd = DAYS[new Date(Date.UTC(year, month, d)).getUTCDay()] as DayOfWeek;
    if (p.daysOfWeek.includes(wd)) candidates.push(d);
  }
  const pick = p.index === 'last' ? candidates[candidates.length - 1] : candidates[INDEXES.indexOf(p.index)];
  return pick === date.getUTCDate();
}
