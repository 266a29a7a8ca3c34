/**
 * The per-connection sync settings the plan obeys (shared/SYNC.md, "Sync settings"). Field names match
 * `SyncSettings` in preload/contract.ts so the contract's value can be passed straight in; main/sync may not
 * import the contract, so the shape is restated here.
 */
import type { PrivacyMode } from './privacy';

/** Which way changes flow. */
export type Direction = 'two-way' | 'sched-to-external' | 'external-to-sched';

/** How an edit conflict on one link is settled. */
export type ConflictStrategy = 'prefer-sched' | 'prefer-external' | 'newest' | 'manual';

/**
 * What the calendar's own events become in Sched (shared/SYNC.md, "Availability"): bookings, or availability
 * exceptions of the resource (someone's own calendar: its busy time blocks the resource).
 */
export type InboundAs = 'bookings' | 'busy';

/** The subset of a connection's sync settings that shapes a plan. */
export interface PlanSettings {
  direction: Direction;
  conflict_resolution: ConflictStrategy;
  privacy: PrivacyMode;
  /** Absent: `bookings`. */
  inbound_as?: InboundAs;
  window_days_past: number;
  window_days_future: number;
}

/** True when changes flow from Sched to the external calendar. */
export function isOutbound(direction: Direction): boolean {
  return direction !== 'external-to-sched';
}

/** True when changes flow from the external calendar into Sched. */
export function isInbound(direction: Direction): boolean {
  return direction !== 'sched-to-external';
}

/**
 * True when `after` copies a side `before` left alone (e.g. `external-to-sched` becoming `two-way`): what that side
 * holds inside the window was never copied, and the incremental cursors will not list it again.
 */
export function copiesMoreThan(after: Direction, before: Direction): boolean {
  return (isOutbound(after) && !isOutbound(before)) || (isInbound(after) && !isInbound(before));
}

/** The connection a plan is for: its id (written into event tags) and the external calendar (booking `source`). */
export interface ConnectionRef {
  id: string;
  calendarService: 'google' | 'microsoft';
  calendarId: string;
}
