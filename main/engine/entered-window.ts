/**
 * Reading what entered the sync window (shared/SYNC.md, "The window moves with time"). The saved cursors were taken
 * with the window of the run that saved them; an incremental read lists only changes, so an item made beyond that
 * window and brought inside since (days passed, the window widened) would never be listed. Each slice that entered
 * is read once with a time-bounded read, and its items join the incremental read as present items, exactly as if
 * they had just been made. The slice read is not a full read: what it does not list means nothing.
 */
import type { CalendarProvider } from '../providers/port';
import type { StateDb } from '../store';
import type { PlanSettings, SideRead, SyncItem, SyncWindow } from '../sync';
import { enteredSlices, isCancelled, syncWindow } from '../sync';

/**
 * The window the connection's saved cursors cover: the one saved with them, or for a state DB from an older build
 * the window of its last sync under the current settings; null before any run saved a cursor.
 */
export function coveredWindowOf(
  db: StateDb,
  calendarId: string,
  settings: Pick<PlanSettings, 'window_days_past' | 'window_days_future'>,
  zone: string,
): SyncWindow | null {
  const saved = db.coveredWindows.get(calendarId);
  if (saved) return saved;
  const lastSync = db.connections.get(calendarId)?.lastSync ?? null;
  return lastSync ? syncWindow(lastSync, settings.window_days_past, settings.window_days_future, zone) : null;
}

/** The slices of `current` to read this run: none without a covered window (the first read is a full one). */
export function slicesToRead(current: SyncWindow, covered: SyncWindow | null): SyncWindow[] {
  return covered ? enteredSlices(current, covered) : [];
}

/**
 * `read` with the live items of each slice added; an item the incremental read already mentions keeps that version.
 * A full read already holds the whole window, so it is returned as it is, with no request spent.
 */
export async function withEnteredItems(
  provider: CalendarProvider,
  read: SideRead,
  slices: readonly SyncWindow[],
): Promise<SideRead> {
  if (read.full === true || slices.length === 0) return read;
  const mentioned = new Set([...read.items.map((item) => item.id), ...(read.deleted ?? [])]);
  const entered: SyncItem[] = [];
  for (const window of slices) {
    // The slice's own cursor is dropped: the incremental cursor goes on covering every change.
    const listed = await provider.listChanges({ cursor: null, window });
    for (const item of listed.items) {
      if (mentioned.has(item.id) || isCancelled(item)) continue;
      mentioned.add(item.id);
      entered.push(item);
    }
  }
  return entered.length === 0 ? read : { ...read, items: [...read.items, ...entered] };
}
