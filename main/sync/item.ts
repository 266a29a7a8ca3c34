/**
 * The normalised item both sides of a connection are translated into (shared/SYNC.md, "Words" and "Time").
 * Providers map Sched bookings, Google events and Graph events to `SyncItem` and back; the core sees nothing else.
 *
 * Fields a side cannot hold (capabilities.ts). Sched bookings have no location, so the plan's `capabilities` say
 * `storesLocation: false` for Sched and the core then:
 * - reads every Sched item with an empty location, so Sched's content hash covers only what Sched stores;
 * - writes no location to Sched: an event's location is not copied into a booking, and a location-only edit in
 *   Google or Outlook makes no Sched write (only the link's stored external version moves on);
 * - keeps the event's own location when it copies a booking's edit onto the event, so a location a person set on a
 *   booking's event survives later edits of the booking;
 * - does not count a location-only edit as a change the other side could receive, so it neither wins over nor
 *   conflicts with an edit in Sched, and lists no location difference in a conflict.
 * The other choice, folding the location into the booking's description as a trailing "Location: …" line, was
 * turned down: it would rewrite a text people type in Sched, and a person's edit of that line would have to be
 * parsed back into the event's location. This way the location lives only where it can be seen and edited.
 */

/** A point in time: an instant (UTC plus the IANA zone it was written in) or an all-day date. */
export type ItemTime =
  | { kind: 'instant'; utc: string; zone: string }
  | { kind: 'date'; date: string /* YYYY-MM-DD; as an end it is exclusive */ };

/** Lifecycle of an item. `cancelled` counts as a deletion everywhere in the core. */
export type ItemStatus = 'confirmed' | 'tentative' | 'pending' | 'completed' | 'cancelled';

/** Which side of a connection an item lives on. */
export type Side = 'sched' | 'external';

/** The fields the agent copies between sides; everything the content hash covers. */
export interface ItemFields {
  title: string;
  description: string;
  location: string;
  start: ItemTime;
  end: ItemTime;
}

/** Tags the agent writes on every external event it creates (Google private / Graph single-value properties). */
export interface EventTags {
  bookingId: string;
  connectionId: string;
}

/** Sched's `source` on bookings the agent creates from an external event (shared/API.md §3). */
export interface BookingSource {
  calendarService: 'google' | 'microsoft';
  calendarId: string;
  eventId: string;
}

/** For an instance of an expanded recurring series: which series, and where the instance was before any move. */
export interface RecurrenceInfo {
  seriesId: string;
  originalStart: ItemTime;
}

/** One booking or event as the core sees it, with its identity on its own side. */
export interface SyncItem extends ItemFields {
  /** Id on its own side (booking id, Google event id, Graph immutable id). */
  id: string;
  /** Opaque version for conditional writes: Sched `version`, Google/Graph etag. */
  version: string;
  /** Last modification, RFC 3339 UTC; decides `newest` conflicts. */
  updated: string;
  status: ItemStatus;
  /** Set on instances of recurring series; each instance is one link of its own. */
  recurrence?: RecurrenceInfo;
  /** External events: present when the agent wrote this event. */
  tags?: EventTags;
  /** Sched bookings: present when the agent created this booking from an external event. */
  source?: BookingSource;
  /** Sched bookings read with `locate`: the resource that holds the booking now. Not a synced field. */
  resourceId?: string;
  /**
   * External events: whether the event's time blocks the calendar's owner (shared/SYNC.md, "Availability").
   * Only busy time blocks. `free`: Google `transparency: transparent` or a `workingLocation` event, Graph
   * `showAs: free` or `workingElsewhere`, an event the calendar's owner declined (Google attendee with
   * `self: true` and `responseStatus: declined`; Graph `responseStatus.response: declined`), a cancelled instance
   * (Graph `isCancelled`). `busy`: everything else, Google `outOfOffice` and `focusTime`, Graph `busy`,
   * `tentative` and `oof` included. Absent where a side does not say (Sched items, older fakes); read as busy.
   * Not a synced field: `fieldsOf` and the content hash leave it out, so no existing link sees a change.
   */
  availability?: 'busy' | 'free';
}

/** The other side of `side`. */
export function otherSide(side: Side): Side {
  return side === 'sched' ? 'external' : 'sched';
}

/** Copies just the synced fields out of an item (drops identity, version and tags). */
export function fieldsOf(item: ItemFields): ItemFields {
  return {
    title: item.title,
    description: item.description,
    location: item.location,
    start: item.start,
    end: item.end,
  };
}

/** True when the item is gone for sync purposes (cancelled). */
export function isCancelled(item: SyncItem): boolean {
  return item.status === 'cancelled';
}
