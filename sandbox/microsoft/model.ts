/**
 * The Graph stand-in's state: plain JSON, so `snapshot()` is the state itself and `restore()` puts it back.
 * Only series masters, single events and exceptions are stored; occurrences are computed from their master.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Recurrence } from './recurrence';

/** Graph's dateTimeTimeZone, `dateTime` kept normalised as `YYYY-MM-DDTHH:mm:ss`. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface ExtendedProperty {
  id: string;
  value: string;
}

/** Graph's `responseStatus`: the mailbox owner's answer to a meeting, and when it was given. */
export interface ResponseStatus {
  response: 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
  time: string;
}

/** An attendee as Graph prints one. */
export interface GraphAttendee {
  type: 'required' | 'optional' | 'resource';
  status: ResponseStatus;
  emailAddress: { name: string; address: string };
}

/**
 * A meeting someone else organised, as it sits in an attendee's calendar: the organizer, who was invited, and
 * the owner's own response (the accept, tentativelyAccept and decline actions change it).
 */
export interface Invitation {
  organizer: { name: string; address: string };
  attendees: GraphAttendee[];
  responseStatus: ResponseStatus;
}

export interface StoredEvent {
  id: string;
  calendarId: string;
  type: 'singleInstance' | 'seriesMaster' | 'exception';
  seriesMasterId: string | null;
  /** For exceptions: the UTC instant of the occurrence it replaces (Graph's `originalStart`). */
  originalStart: string | null;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  location: { displayName: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  isAllDay: boolean;
  showAs: string;
  sensitivity: string;
  importance: string;
  categories: string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  recurrence: Recurrence | null;
  /** For masters: UTC instants of occurrences deleted from the series. */
  cancelledOccurrences: string[];
  /** True when the organizer cancelled a meeting this calendar was invited to; it stays until removed. */
  isCancelled: boolean;
  /** Set when someone else organised the event; absent when the mailbox owner did. */
  invitation?: Invitation;
  transactionId: string | null;
  iCalUId: string;
  extendedProperties: ExtendedProperty[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  /** Mailbox change sequence at the last write; delta rounds compare against it. */
  seq: number;
}

export interface StoredCalendar {
  id: string;
  name: string;
  color: string;
  hexColor: string;
  isDefaultCalendar: boolean;
  changeKey: string;
}

/** What a delta or skip token remembers about a round (see delta.ts). */
export interface DeltaRound {
  user: string;
  calendarId: string;
  /** The window as UTC milliseconds, fixed by the round's first request. */
  fromMs: number;
  toMs: number;
  /** Mailbox seq when the round's listing was taken. */
  seq: number;
  /** Instance ids in the window at that moment: those missing later are reported `@removed`. */
  knownIds: string[];
}

export interface PendingPages {
  round: DeltaRound;
  /** Entries still to hand out: an instance id, or `-id` for a removal. */
  remaining: string[];
}

export interface Mailbox {
  owner: string;
  calendars: StoredCalendar[];
  events: Record<string, StoredEvent>;
  /** `${calendarId}|${transactionId}` → event id, so a retried create returns the first event. */
  transactions: Record<string, string>;
  seq: number;
}

export interface GraphState {
  mailboxes: Record<string, Mailbox>;
  deltaTokens: Record<string, DeltaRound>;
  skipTokens: Record<string, PendingPages>;
  /** Insertion order of tokens, oldest first, so the oldest are forgotten first. */
  tokenOrder: string[];
}

/** An empty state. */
export function emptyState(): GraphState {
  return { mailboxes: {}, deltaTokens: {}, skipTokens: {}, tokenOrder: [] };
}

/** An opaque id in the style of Exchange ids (URL-safe base64). */
export function newId(kind: 'calendar' | 'event' | 'token'): string {
  const prefix = kind === 'calendar' ? 'AAMkAGCal' : kind === 'event' ? 'AAMkAGEvt' : '';
  return prefix + randomBytes(kind === 'token' ? 24 : 18).toString('base64url');
}

/** A new changeKey; opaque, different on every write. */
export function newChangeKey(id: string, seq: number): string {
  return createHash('sha256')
    .update(`${id}|${seq}|${randomBytes(4).toString('hex')}`)
    .digest('base64')
    .slice(0, 24);
}

/** Graph's weak etag wraps the changeKey. */
export function etagOf(changeKey: string): string {
  return `W/"${changeKey}"`;
}

/**
 * Occurrence ids are derived from the master id and the occurrence's original start, so every listing
 * names the same occurrence the same way and an exception keeps the id its occurrence had.
 */
export function occurrenceId(masterId: string, originalStartUtc: string): string {
  return 'AAMkAGOcc' + Buffer.from(`${masterId}\n${originalStartUtc}`).toString('base64url');
}

/** The master id and original start inside an occurrence id, or null for any other id. */
export function parseOccurrenceId(id: string): { masterId: string; originalStart: string } | null {
  if (!id.startsWith('AAMkAGOcc')) return null;
  const [masterId, originalStart] = Buffer.from(id.slice(9), 'base64url').toString('utf8').split('\n');
  return masterId && originalStart ? { masterId, originalStart } : null;
}
