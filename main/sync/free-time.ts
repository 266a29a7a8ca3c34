/**
 * Only busy time blocks (shared/SYNC.md, "Availability"): an event of the calendar's own that is free, declined
 * or a working location never becomes a booking or an exception, and one that turns free takes its copy with it.
 */
import type { SyncItem } from './item';
import type { SideRead } from './observations';

/**
 * True for an event of the calendar's own (not one of the agent's tagged copies) whose time blocks nobody. The
 * agent's copies keep syncing whatever a person sets their free/busy to: their booking was made in Sched.
 */
export function isFreeTime(item: SyncItem): boolean {
  return item.availability === 'free' && item.tags === undefined;
}

/**
 * The external read with its free events seen as cancelled: an unlinked one is then never copied, and a linked
 * one that turned free counts as gone, so its booking or exception is cancelled like any deletion.
 */
export function withoutFreeTime(read: SideRead): SideRead {
  if (!read.items.some(isFreeTime)) return read;
  const items = read.items.map((item) =>
    isFreeTime(item) ? { ...item, status: 'cancelled' as const } : item,
  );
  return { ...read, items };
}
