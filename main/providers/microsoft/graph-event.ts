/**
 * The parts of Graph's event resource the adapter reads and writes. Written here rather than taken from
 * @microsoft/microsoft-graph-types, which this project does not install; every field is optional because delta
 * rows and `$select`ed answers may leave any of them out.
 * https://learn.microsoft.com/graph/api/resources/event
 */
import type { GraphExtendedProperty } from './graph-tags';

/** Graph's `dateTimeTimeZone`: a wall time without offset and the zone it is in. */
export interface GraphDateTime {
  dateTime?: string | null;
  timeZone?: string | null;
}

/** What kind of event: a one-off, a series master, or one instance of a series (moved ones are exceptions). */
export type GraphEventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';

/** An event as Graph prints it (and the subset the adapter sends). */
export interface GraphEvent {
  id?: string;
  '@odata.etag'?: string;
  changeKey?: string | null;
  lastModifiedDateTime?: string | null;
  subject?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  location?: { displayName?: string | null } | null;
  start?: GraphDateTime | null;
  end?: GraphDateTime | null;
  isAllDay?: boolean | null;
  isCancelled?: boolean | null;
  /** How the time shows to others: `free`, `tentative`, `busy`, `oof`, `workingElsewhere` or `unknown`. */
  showAs?: string | null;
  /** The mailbox owner's answer to a meeting (`organizer` on their own events). */
  responseStatus?: { response?: string | null; time?: string | null } | null;
  type?: GraphEventType | null;
  seriesMasterId?: string | null;
  /** Where an instance of a series was before any move (UTC, with `Z`). */
  originalStart?: string | null;
  originalStartTimeZone?: string | null;
  originalEndTimeZone?: string | null;
  transactionId?: string | null;
  singleValueExtendedProperties?: GraphExtendedProperty[] | null;
  /** Delta rows only: the event left the view (deleted, cancelled, or moved out of the window). */
  '@removed'?: { reason?: string } | null;
}
