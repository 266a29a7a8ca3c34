/** Builders shared by the sync unit tests: a booking, an event, a link between them, a plan input. */
import type { ConnectionRef, ItemTime, Link, PlanInput, PlanSettings, SyncItem } from '../../../main/sync';
import { holdsEverything, instantAt, linkSideOf, syncWindow } from '../../../main/sync';

export const zone = 'Europe/London';
export const now = '2025-03-10T12:00:00.000Z';
export const connection: ConnectionRef = {
  id: 'conn-1',
  calendarService: 'google',
  calendarId: 'room-a@example.com',
};

/** A wall time in London as an item time. */
export function london(wall: string): ItemTime {
  return instantAt(wall, zone);
}

/** A confirmed Sched booking on 12 March 2025, 10:00–11:00 London. */
export function booking(id: string, overrides: Partial<SyncItem> = {}): SyncItem {
  return {
    id,
    version: `${id}-v1`,
    updated: '2025-03-01T09:00:00.000Z',
    status: 'confirmed',
    title: `Booking ${id}`,
    description: 'Client: Ada',
    location: 'Room A',
    start: london('2025-03-12T10:00'),
    end: london('2025-03-12T11:00'),
    ...overrides,
  };
}

/** A confirmed calendar event with the same default times as `booking`. */
export function event(id: string, overrides: Partial<SyncItem> = {}): SyncItem {
  return { ...booking(id), title: `Event ${id}`, version: `${id}-etag1`, ...overrides };
}

/** The stored link between a booking and an event, as the last run left it. */
export function linkOf(b: SyncItem, e: SyncItem, origin: 'sched' | 'external' = 'sched'): Link {
  return { sched: linkSideOf(b), external: linkSideOf(e), origin };
}

/** Settings with the SYNC.md defaults, overridable. */
export function settings(overrides: Partial<PlanSettings> = {}): PlanSettings {
  return {
    direction: 'two-way',
    conflict_resolution: 'manual',
    privacy: 'full',
    window_days_past: 30,
    window_days_future: 180,
    ...overrides,
  };
}

/** A plan input with no links and nothing read, overridable. */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  const chosen = overrides.settings ?? settings();
  const at = overrides.now ?? now;
  const resourceTimezone = overrides.resourceTimezone ?? zone;
  return {
    state: { links: [] },
    sched: { items: [] },
    external: { items: [] },
    settings: chosen,
    connection,
    resourceTimezone,
    now: at,
    window: syncWindow(at, chosen.window_days_past, chosen.window_days_future, resourceTimezone),
    capabilities: { sched: holdsEverything, external: holdsEverything },
    ...overrides,
  };
}

/** An edited copy of an item with a new version and `updated`. */
export function edited(
  item: SyncItem,
  patch: Partial<SyncItem>,
  updated = '2025-03-09T10:00:00.000Z',
): SyncItem {
  return { ...item, ...patch, version: `${item.version}+`, updated };
}
