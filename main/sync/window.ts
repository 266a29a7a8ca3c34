/** The sync window around today (shared/SYNC.md, `window_days_past` / `window_days_future`). */
import type { ItemFields } from './item';
import { addDays, dateInZone, startOfDayUtc, timeToEpochMs } from './time';

/** A half-open range of instants `[start, end)`, RFC 3339 UTC. */
export interface SyncWindow {
  start: string;
  end: string;
}

/**
 * The window for a run at `now`: from local midnight `daysPast` days ago to the end of the day `daysFuture` days
 * ahead, counted in the resource's zone so a day means the resource's day.
 */
export function syncWindow(now: string, daysPast: number, daysFuture: number, zone: string): SyncWindow {
  const today = dateInZone(now, zone);
  return {
    start: startOfDayUtc(addDays(today, -daysPast), zone),
    end: startOfDayUtc(addDays(today, daysFuture + 1), zone),
  };
}

/** True when an item overlaps the window (all-day dates count in `zone`). */
export function overlapsWindow(
  fields: Pick<ItemFields, 'start' | 'end'>,
  window: SyncWindow,
  zone: string,
): boolean {
  const start = timeToEpochMs(fields.start, zone);
  const end = Math.max(timeToEpochMs(fields.end, zone), start + 1);
  return start < Date.parse(window.end) && end > Date.parse(window.start);
}
