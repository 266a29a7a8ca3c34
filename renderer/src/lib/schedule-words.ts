/** The schedule's words for an item: its title, blocked time (Sched's availability exceptions), how it stands. */
import type { InboundMode, ScheduleItem } from '../../../preload/contract';
import { scheduleStateLabel } from './labels';

/** The mark on blocked time, beside its state's. */
export const blockedLabel = 'Blocked';
/** Blocked time's name in the legend, and its title when Sched gives no reason. */
export const blockedTitle = 'Blocked time';
/** What blocked time means, in plain words. */
export const blockedMeaning = 'Sched refuses bookings of this resource in this time.';

/** An item's title as the schedule shows it: blocked time by Sched's reason, or "Blocked time" when it gives none. */
export function scheduleItemTitle(item: Pick<ScheduleItem, 'kind' | 'title'>): string {
  const title = item.title.trim();
  if (title) return title;
  return item.kind === 'blocked' ? blockedTitle : '(no title)';
}

/**
 * How an item stands, in words. Blocked time of a connection that makes bookings stays in Sched (shared/SYNC.md,
 * "Availability": only `inbound_as: busy` copies it), which says more than "outside the window or the direction".
 */
export function scheduleStateText(
  item: Pick<ScheduleItem, 'kind' | 'state'>,
  inboundAs: InboundMode | undefined,
): string {
  if (item.kind === 'blocked' && item.state === 'not-synced' && inboundAs !== 'busy')
    return 'Not copied to the calendar: this connection copies bookings, and blocked time stays in Sched';
  return scheduleStateLabel[item.state];
}
