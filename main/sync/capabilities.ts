/**
 * What each side of a connection can hold. Sched bookings have no location (shared/API.md §3), Google and Graph
 * events do. A field a side cannot hold is never compared, hashed or written on that side, and a copy made from that
 * side leaves the field as the other side has it (see item.ts for the whole rule).
 */
import type { ItemFields, Side } from './item';

/** The fields a side can store beyond title, description and times. */
export interface SideCapabilities {
  /** False for Sched: a location written there is dropped, and one read from there is always empty. */
  storesLocation: boolean;
  /**
   * The fields an item written with `fields` reads back with, where the side keeps them otherwise (a busy block's
   * title is its reason, "Unavailable: …"; `CalendarProvider.keeps`). Absent: kept as written.
   */
  keeps?: (fields: ItemFields) => ItemFields;
}

/** Both sides' capabilities, as one plan uses them. */
export type Capabilities = Record<Side, SideCapabilities>;

/** A side that holds every synced field: what the core assumes when a read says nothing. */
export const holdsEverything: SideCapabilities = { storesLocation: true };

/** The fields as `capabilities` lets a side hold them: what it cannot store reads as empty. */
export function heldFields<T extends ItemFields>(fields: T, capabilities: SideCapabilities): T {
  return capabilities.storesLocation || fields.location === '' ? fields : { ...fields, location: '' };
}

/**
 * Fields to write on `target` from `projected` (the source's fields after privacy): what the source side cannot
 * hold keeps the target's own value, and what the target cannot hold is not written.
 */
export function withinCapabilities(
  target: Side,
  projected: ItemFields,
  targetNow: ItemFields,
  capabilities: Capabilities,
): ItemFields {
  const source = target === 'sched' ? 'external' : 'sched';
  let location = projected.location;
  if (!capabilities[source].storesLocation) location = targetNow.location;
  if (!capabilities[target].storesLocation) location = '';
  return location === projected.location ? projected : { ...projected, location };
}

/** The fields a side reads back after writing `fields` (see `SideCapabilities.keeps`). */
export function keptFields(fields: ItemFields, capabilities: SideCapabilities): ItemFields {
  return heldFields(capabilities.keeps ? capabilities.keeps(fields) : fields, capabilities);
}

/** The fields both sides can hold: what a conflict between them may differ in. */
export function sharedFieldNames(capabilities: Capabilities): (keyof ItemFields)[] {
  const both = capabilities.sched.storesLocation && capabilities.external.storesLocation;
  return both
    ? ['title', 'description', 'location', 'start', 'end']
    : ['title', 'description', 'start', 'end'];
}
