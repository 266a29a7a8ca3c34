/**
 * The parts of the sync window that entered it since the cursors were saved (shared/SYNC.md, "The window moves with
 * time"). Incremental reads only list changes, so an item that was made beyond the window and is now inside it,
 * because days passed or the window was widened, would never be listed again: these slices are read once, with a
 * time-bounded read, and their items taken as if they had just been made.
 */
import type { SyncWindow } from './window';

/**
 * The ranges of `current` that `covered` (the window the saved cursors were taken with) does not hold, earliest
 * first: at most one before it (an earlier start after widening) and one after it (days passed, or a later end).
 * Empty when the window did not grow. A window that only shrank or moved its start later adds nothing: leaving the
 * window is never a deletion.
 */
export function enteredSlices(current: SyncWindow, covered: SyncWindow): SyncWindow[] {
  const start = Date.parse(current.start);
  const end = Date.parse(current.end);
  const coveredStart = Date.parse(covered.start);
  const coveredEnd = Date.parse(covered.end);
  if (coveredEnd <= start || coveredStart >= end || coveredStart >= coveredEnd) return [current];
  const slices: SyncWindow[] = [];
  if (start < coveredStart) slices.push({ start: current.start, end: covered.start });
  if (coveredEnd < end) slices.push({ start: covered.end, end: current.end });
  return slices;
}
