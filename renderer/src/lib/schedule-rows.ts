/** The schedule view's rows: a booking and its calendar copy on one row, joined; every other item on its own. */
import type { ScheduleItem, ScheduleState } from '../../../preload/contract';
import { dateOn } from './week';

/** One row of a day: a linked pair, or one side alone. */
export interface ScheduleRow {
  key: string;
  start: string;
  sched: ScheduleItem | null;
  external: ScheduleItem | null;
}

/** The rows of each day (keyed `YYYY-MM-DD` in `timeZone`), each day's rows by start, all-day items first. */
export function scheduleRows(items: readonly ScheduleItem[], timeZone: string): Map<string, ScheduleRow[]> {
  const external = new Map(items.filter((i) => i.side === 'external').map((i) => [i.id, i]));
  const paired = new Set<string>();
  const rows: ScheduleRow[] = [];
  for (const item of items) {
    if (item.side !== 'sched') continue;
    const copy = item.linked_id ? external.get(item.linked_id) : undefined;
    if (copy) paired.add(copy.id);
    rows.push({ key: `s:${item.id}`, start: item.start, sched: item, external: copy ?? null });
  }
  for (const item of external.values()) {
    if (!paired.has(item.id))
      rows.push({ key: `e:${item.id}`, start: item.start, sched: null, external: item });
  }
  const byDay = new Map<string, ScheduleRow[]>();
  for (const row of rows) {
    const day = dateOn(row.start, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), row]);
  }
  const order = (r: ScheduleRow) =>
    r.start.length === 10 ? `${r.start}T00:00:00` : new Date(r.start).toISOString();
  for (const list of byDay.values())
    list.sort(
      (a, b) =>
        (a.start.length === 10 ? -1 : 0) - (b.start.length === 10 ? -1 : 0) ||
        order(a).localeCompare(order(b)),
    );
  return byDay;
}

/** How many items of each state a range holds (the legend's counts). */
export function stateCounts(items: readonly ScheduleItem[]): Record<ScheduleState, number> {
  const counts: Record<ScheduleState, number> = {
    'in-sync': 0,
    waiting: 0,
    conflict: 0,
    skipped: 0,
    free: 0,
    'not-synced': 0,
  };
  for (const item of items) counts[item.state] += 1;
  return counts;
}
