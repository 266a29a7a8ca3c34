/**
 * What the state DB remembers per connection, as the plan reads it (shared/SYNC.md, "Words": Link).
 * main/store persists these shapes; the plan never mutates them, it returns actions that say how they change.
 */
import type { ItemFields, Side, SyncItem } from './item';
import { fieldsOf } from './item';
import { contentHash } from './content-hash';

/** One side of a link as last synced: identity, version for `If-Match`, hash and the synced fields themselves. */
export interface LinkSide {
  id: string;
  version: string;
  /** `contentHash` of `fields`: a change whose hash equals this is the agent's own echo, not a change. */
  hash: string;
  /** The fields as last synced; lets a one-way run overwrite the other side without re-reading this one. */
  fields: ItemFields;
  /** `updated` of the item when last synced (RFC 3339). */
  updated: string;
}

/** One booking ↔ one event. A link is keyed by either id: each id appears in at most one link. */
export interface Link {
  sched: LinkSide;
  external: LinkSide;
  /**
   * The side the linked pair started from (absent: `sched`). Under busy-only privacy an event the agent made from a
   * booking says "Busy", so only times flow back to the booking; an event the person made keeps its own details.
   */
  origin?: Side;
}

/**
 * An item whose copy on the other side an undo removed, with the `contentHash` of its synced fields (as its side
 * holds them) at that moment. The plan does not copy it again while its hash is still `hash`: undoing a run means
 * the person did not want that copy. An edit made afterwards is a new wish, and the item is copied like any new one.
 */
export interface UndoneItem {
  id: string;
  hash: string;
  /** The copy the undo removed: a later copy is keyed after it, as a recreate is (identity.ts `recreateKey`). */
  copyId: string;
}

/** The stored state of one connection that the plan needs. */
export interface SyncState {
  links: readonly Link[];
  /** External event ids whose overlap conflict the person answered with `skip`: never imported, never asked again. */
  skippedEventIds?: readonly string[];
  /** Bookings whose exported event an undo removed: not exported again until they change (`UndoneItem`). */
  skippedBookings?: readonly UndoneItem[];
  /** Events whose imported booking an undo removed: not imported again until they change (`UndoneItem`). */
  skippedEvents?: readonly UndoneItem[];
  /** Booking ids of links with an open (manual) edit conflict: nothing is written for them until it is resolved. */
  conflictedBookingIds?: readonly string[];
  /**
   * Events of an open double booking, at the version Sched refused, whose slot is still taken as far as this run's
   * read shows: not sent to Sched again until the event changes or the booking in its way does (SYNC.md, "Being a
   * good API citizen": an idle run writes nothing).
   */
  heldOverlaps?: readonly HeldOverlap[];
  /**
   * Sched items that follow another calendar of the same resource: the bookings it imports one way
   * (`external-to-sched`) and the busy blocks it made from its events. A two-way connection copies them out but never
   * writes them: a change to their copy here is overwritten, and a deleted copy is made again.
   */
  heldBookingIds?: readonly string[];
  /**
   * Sched items another calendar of the same resource made from its own events (any direction there). Under
   * `external-to-sched` this calendar is the truth only for what came from it: its copies of those items write nothing.
   */
  followedBookingIds?: readonly string[];
}

/** An event Sched refused for a taken slot, and the version it refused. */
export interface HeldOverlap {
  eventId: string;
  version: string;
}

/** A snapshot of an item as one side of a link. */
export function linkSideOf(item: SyncItem): LinkSide {
  const fields = fieldsOf(item);
  return { id: item.id, version: item.version, hash: contentHash(fields), fields, updated: item.updated };
}
