/**
 * Expands a series' RRULE/RDATE/EXDATE lines into instances, the way Google does for `singleEvents=true`
 * and events.instances. Expansion runs on "floating" wall-clock times in the series' zone so that a
 * 09:00 meeting stays at 09:00 across DST changes (RFC 5545 §3.3.10).
 */
import { invalid } from './errors';
import type { StoredEvent, StoredTime } from './model';
import { rruleLib } from './rrule-lib';
import { floatingMs, floatingWallClock, localToUtc, wallClock } from '../core/zones';
import { dateStartMs, floatingDate } from './time-zones';

/** One instance of a series, before exceptions are applied. */
export interface Occurrence {
  /** The instance id suffix: YYYYMMDDTHHMMSSZ (UTC) or YYYYMMDD for all-day series. */
  stamp: string;
  start: StoredTime;
  end: StoredTime;
  startMs: number;
  endMs: number;
}

const dayMs = 86_400_000;

/** Checks the `recurrence` field of an insert or update; Google answers 400 for lines it cannot read. */
export function validateRecurrence(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((line) => typeof line !== 'string')) {
    throw invalid('Invalid recurrence rule.');
  }
  const lines = value as string[];
  for (const line of lines) {
    const name = line.split(/[:;]/, 1)[0]?.toUpperCase();
    if (name === 'RRULE' || name === 'EXRULE') {
      try {
        const options = rruleLib.RRule.parseString(line.slice(name.length + 1));
        if (options.freq === undefined) throw new Error('no FREQ');
      } catch {
        throw invalid('Invalid recurrence rule.');
      }
    } else if (name !== 'RDATE' && name !== 'EXDATE') {
      throw invalid('Invalid recurrence rule.');
    }
  }
  return lines.length > 0 ? lines : undefined;
}

/** Instance id suffix of an original start. */
export function stampOf(time: StoredTime): string {
  if (time.date) return time.date.replaceAll('-', '');
  return new Date(time.dateTime ?? '').toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** Reads one RDATE/EXDATE value as a floating time in the series' zone. */
function floatingValue(value: string, params: Map<string, string>, zone: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as number[];
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
  if (match[7]) return floatingMs(wallClock(floatingMs(wall), zone));
  const tzid = params.get('TZID');
  if (tzid && tzid !== zone) return floatingMs(wallClock(localToUtc(wall, tzid), zone));
  return floatingMs(wall);
}

function buildRuleSet(lines: string[], floatingStart: number, zone: string) {
  const set = new rruleLib.RRuleSet();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const head = line.slice(0, colon).split(';');
    const name = head[0]?.toUpperCase();
    const body = line.slice(colon + 1);
    if (name === 'RRULE' || name === 'EXRULE') {
      const options = rruleLib.RRule.parseString(body);
      options.dtstart = new Date(floatingStart);
      options.tzid = null;
      // UNTIL with Z is a real instant; bring it into the same floating frame as DTSTART.
      if (options.until && /UNTIL=\d{8}T\d{6}Z/i.test(body)) {
        options.until = new Date(floatingMs(wallClock(options.until.getTime(), zone)));
      }
      const rule = new rruleLib.RRule(options);
      if (name === 'RRULE') set.rrule(rule);
      else set.exrule(rule);
    } else if (name === 'RDATE' || name === 'EXDATE') {
      const params = new Map(
        head.slice(1).map((p) => {
          const [key = '', value = ''] = p.split('=');
          return [key.toUpperCase(), value] as const;
        }),
      );
      for (const value of body.split(',')) {
        const floating = floatingValue(value, params, zone);
        if (floating === null) continue;
        if (name === 'RDATE') set.rdate(new Date(floating));
        else set.exdate(new Date(floating));
      }
    }
  }
  return set;
}

/**
 * Instances of a series that overlap [fromMs, toMs), at most `limit`, in start order.
 * All-day dates are read in the calendar's zone.
 */
export function expandSeries(
  series: StoredEvent,
  calendarZone: string,
  fromMs: number,
  toMs: number,
  limit: number,
): Occurrence[] {
  if (!series.recurrence) return [];
  const allDay = Boolean(series.start.date);
  const zone = series.start.timeZone ?? calendarZone;
  const seriesStart = allDay
    ? dateStartMs(series.start.date!, calendarZone)
    : Date.parse(series.start.dateTime!);
  const seriesEnd = allDay ? dateStartMs(series.end.date!, calendarZone) : Date.parse(series.end.dateTime!);
  const durationMs = Math.max(0, seriesEnd - seriesStart);
  const floatingStart = allDay
    ? Date.parse(`${series.start.date}T00:00:00Z`)
    : floatingMs(wallClock(seriesStart, zone));
  const durationDays = allDay
    ? Math.round((Date.parse(`${series.end.date}T00:00:00Z`) - floatingStart) / dayMs)
    : 0;
  const set = buildRuleSet(series.recurrence, floatingStart, zone);
  // Zone offsets are under ±14 h, so a margin of two days finds every candidate; the exact check follows.
  const after = new Date(Math.max(floatingStart, fromMs - durationMs - 2 * dayMs));
  const before = new Date(toMs + 2 * dayMs);
  const occurrences: Occurrence[] = [];
  set.between(after, before, true, (floating) => {
    const occurrence = allDay
      ? allDayOccurrence(floating.getTime(), durationDays, calendarZone)
      : timedOccurrence(floating.getTime(), durationMs, zone, series);
    if (occurrence.startMs < toMs && occurrence.endMs > fromMs) occurrences.push(occurrence);
    return occurrences.length < limit;
  });
  return occurrences;
}

function allDayOccurrence(floating: number, durationDays: number, calendarZone: string): Occurrence {
  const start = { date: floatingDate(floating) };
  const end = { date: floatingDate(floating + durationDays * dayMs) };
  return {
    stamp: stampOf(start),
    start,
    end,
    startMs: dateStartMs(start.date, calendarZone),
    endMs: dateStartMs(end.date, calendarZone),
  };
}

function timedOccurrence(
  floating: number,
  durationMs: number,
  zone: string,
  series: StoredEvent,
): Occurrence {
  const startMs = localToUtc(floatingWallClock(floating), zone);
  const endMs = startMs + durationMs;
  const start: StoredTime = { dateTime: new Date(startMs).toISOString() };
  const end: StoredTime = { dateTime: new Date(endMs).toISOString() };
  if (series.start.timeZone) start.timeZone = series.start.timeZone;
  if (series.end.timeZone) end.timeZone = series.end.timeZone;
  return { stamp: stampOf(start), start, end, startMs, endMs };
}

/** The instance named by an instance-id suffix, or null when the series has no such instance. */
export function occurrenceByStamp(
  series: StoredEvent,
  calendarZone: string,
  stamp: string,
): Occurrence | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(stamp);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as number[];
  const approxMs = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (Number.isNaN(approxMs)) return null;
  const candidates = expandSeries(series, calendarZone, approxMs - 2 * dayMs, approxMs + 2 * dayMs, 500);
  return candidates.find((occurrence) => occurrence.stamp === stamp) ?? null;
}
