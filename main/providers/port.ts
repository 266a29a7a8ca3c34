/**
 * The `CalendarProvider` port: what the engine needs from Sched, Google and Microsoft alike. Adapters translate
 * wire formats to the core's `SyncItem` and back and nothing else; every rule lives in main/sync and main/engine.
 * One contract suite (test/contract) holds every adapter and the in-memory provider to this.
 */
import { AppError, type AppErrorCode } from '../errors/app-error';
import type {
  BookingSource,
  EventTags,
  ItemFields,
  PrivacyMode,
  SchedKind,
  Side,
  SideCapabilities,
  SyncItem,
  SyncWindow,
} from '../sync';

/** Which changes to list. */
export interface ListRequest {
  /** The cursor from the last list; `null` for a full read of `window` (first run, lost state, after a 410). */
  cursor: string | null;
  /** The sync window; a full read lists the live items overlapping it (recurring series expanded into instances). */
  window: SyncWindow;
  /**
   * Item id → the version its link holds. An incremental read may leave an item listed at that very version out of
   * `items` and name it in `unchanged` instead of reading it whole (Graph: no `$batch` read of the agent's echo).
   */
  known?: ReadonlyMap<string, string>;
}

/** One page-complete answer to a list. */
export interface ListResult {
  /** Items changed since the cursor (every live item in the window for a full read); cancelled ones included. */
  items: SyncItem[];
  /** Ids deleted outright since the cursor (a provider that reports cancellations as items leaves this empty). */
  deleted: string[];
  /** Cursor for the next list (Google `nextSyncToken`, Graph deltaLink, Sched `next_sync_token`). */
  nextCursor: string;
  /** True when this was a full read of the window, so absence from `items` means something (see main/sync). */
  full: boolean;
  /** Ids left out of an incremental read because they are at the version `known` gave (see `ListRequest`). */
  unchanged?: string[];
}

/** The calendar a Sched item's `source` names: its service and id (an event id completes a `BookingSource`). */
export type CalendarRef = Omit<BookingSource, 'eventId'>;

/** A create the agent makes: always idempotent, always marked as the agent's. */
export interface CreateRequest {
  fields: ItemFields;
  /** Same key, same item: a retry after a crash or timeout returns the item created the first time. */
  idempotencyKey: string;
  /** External side: the tags written as private / single-value extended properties. */
  tags?: EventTags;
  /** Sched side: the booking's `source`. */
  source?: BookingSource;
  /** Sched side: create even though the slot overlaps a confirmed booking. */
  allowOverlap?: boolean;
  /**
   * Sched side: the kind of item to make, whatever `inbound_as` says now. A crashed run's create is replayed as the
   * kind its intent was recorded for, so its key finds what it made. Absent: the kind `inbound_as` says.
   */
  kind?: SchedKind;
  /**
   * Sched side: the privacy the create was first sent under (a block's reason depends on it), so a replay sends the
   * same request and its key finds what it made. Absent: the connection's privacy now.
   */
  privacy?: PrivacyMode;
}

/** How an update is sent: conditional on a version, and (Sched side) whether an overlap is accepted. */
export interface UpdateOptions {
  ifMatch: string;
  /** Sched side: move the booking even though the new slot overlaps a confirmed booking. */
  allowOverlap?: boolean;
  /** External side: the agent's tags to write instead of the event's (its booking was booked again, new id). */
  tags?: EventTags;
}

/** What a Sched resource's bookings hold: no location (shared/API.md §3). */
export const schedCapabilities: SideCapabilities = { storesLocation: false };

/** What a Google or Outlook calendar's events hold: every synced field. */
export const calendarCapabilities: SideCapabilities = { storesLocation: true };

/** One calendar (a Sched resource's bookings, or one external calendar) seen through the port. */
export interface CalendarProvider {
  /** Which side of a connection this provider plays. */
  readonly side: Side;
  /** What this side can hold (Sched bookings have no location, shared/API.md §3); the plan reads it once per run. */
  readonly capabilities: SideCapabilities;
  /**
   * HTTP requests this provider has sent since it was made, paging, retries and `$batch` included; the engine puts
   * the difference over a run into its summary (shared/SYNC.md, "Activity": requests used).
   */
  requestCount(): number;
  /**
   * How many writes the engine may have in flight on this calendar at once (the account's gate still paces the
   * requests); one at a time when absent.
   */
  readonly writeConcurrency?: number;
  /** Changes since `cursor`, or a full read. Throws `CursorExpiredError` when the cursor is no longer accepted. */
  listChanges(request: ListRequest): Promise<ListResult>;
  /** The current item, cancelled included; `null` when it does not exist. */
  get(id: string): Promise<SyncItem | null>;
  /**
   * Sched side: the booking with this id on whichever resource holds it now (`resourceId`), cancelled included; `null`
   * when Sched has none. A remap run reads the bookings it moves from the old resource with it. Absent elsewhere
   * (`get` serves).
   */
  locate?(id: string): Promise<SyncItem | null>;
  /**
   * Sched side: the resource's live availability exceptions overlapping `window`, read in full whatever `inbound_as`
   * says, their ids prefixed (sched-kinds.ts): the schedule view shows blocked time in either mode. Absent elsewhere.
   */
  listBlockedTime?(window: SyncWindow): Promise<SyncItem[]>;
  /**
   * The fields an item written with `fields` holds on this side, where the side keeps them otherwise (an availability
   * exception's title reads "Unavailable: …"). A create replayed after a crash takes it as the item's baseline, so only
   * a person's edit since shows as a change. Absent: the side keeps fields as written. `kind` (Sched side): as for
   * `CreateRequest.kind`.
   */
  keeps?(fields: ItemFields, kind?: SchedKind): ItemFields;
  /**
   * Creates an item; throws `SlotUnavailableError` on the Sched side when the slot is taken, and `KeyReusedError` when
   * Sched already made an item with this key for a request that differed.
   */
  create(request: CreateRequest): Promise<SyncItem>;
  /**
   * Sched side: the live items of this resource made from events of `calendar` (their `source` names it), wherever
   * they lie in time; of `kind` only when given (as for `CreateRequest.kind`), else of both kinds. What a window read
   * cannot see: after a lost state DB a copy a person moved out of the window is found with this
   * (copies-beyond-window.ts), and so is the copy a create's key made when Sched refuses that key (`KeyReusedError`).
   * Absent elsewhere.
   */
  listMadeFrom?(calendar: CalendarRef, kind?: SchedKind): Promise<SyncItem[]>;
  /**
   * External side: every live event of the calendar carrying the agent's tags for `connectionId`, at any date
   * (Google's `privateExtendedProperty`, Graph's `singleValueExtendedProperties/any` filter). Read once after a lost
   * state DB, for copies a person moved out of the window (copies-beyond-window.ts). Absent elsewhere.
   */
  listTagged?(connectionId: string): Promise<SyncItem[]>;
  /**
   * Replaces the synced fields when the item is still at version `ifMatch`; else `PreconditionFailedError`. On the
   * Sched side a move onto a taken slot throws `SlotUnavailableError` unless `allowOverlap` is set.
   */
  update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem>;
  /** Deletes (external) or cancels (Sched) an item. Deleting what is already gone is not an error. */
  delete(id: string, options?: DeleteOptions): Promise<void>;
}

/** How a delete is sent. */
export interface DeleteOptions {
  ifMatch?: string;
  /**
   * The Sched resource that holds the item, when it is not the provider's own: a remap cancels the availability
   * exceptions the old resource holds for the calendar's events (exceptions are addressed under their resource).
   */
  resourceId?: string;
}

/** Why a provider call failed, as a value the engine can branch on. */
export type ProviderErrorCode =
  | 'cursor_expired'
  | 'precondition_failed'
  | 'slot_unavailable'
  | 'not_found'
  | 'auth'
  | 'rate_limited'
  | 'key_reused';

/** The API code each provider failure reaches a person with (a passing failure is `unavailable`: try later). */
const apiCodeOf: Record<ProviderErrorCode, AppErrorCode> = {
  cursor_expired: 'unavailable',
  precondition_failed: 'conflict',
  slot_unavailable: 'conflict',
  not_found: 'not_found',
  auth: 'unavailable',
  rate_limited: 'unavailable',
  key_reused: 'conflict',
};

/** Base of every typed provider failure; `message` is written for a person (STYLE.md, habit 6). */
export class ProviderError extends AppError {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
  ) {
    super(apiCodeOf[code], message);
  }
}

/** 410: the sync token or delta link expired; do a full read and relink by tags. */
export class CursorExpiredError extends ProviderError {
  constructor(readonly provider: string) {
    super(
      'cursor_expired',
      `${provider} no longer accepts the saved sync position; a full read will follow.`,
    );
  }
}

/** 412: the item changed since the version the agent wrote against; re-read it and plan it again. */
export class PreconditionFailedError extends ProviderError {
  constructor(
    readonly itemId: string,
    readonly currentVersion?: string,
  ) {
    super('precondition_failed', `Item ${itemId} changed while syncing; it will be read again.`);
  }
}

/** The availability exception that blocks a slot (a holiday, maintenance, time a connected calendar blocks). */
export interface BlockingException {
  exceptionId: string;
  /** The exception's reason as Sched holds it, when it could be read. */
  reason?: string;
}

function slotMessage(conflictingBookingId?: string, blockedBy?: BlockingException): string {
  const choice = 'Choose "import anyway" or "skip".';
  if (blockedBy) {
    return blockedBy.reason
      ? `The slot is blocked in Sched (${blockedBy.reason}). ${choice}`
      : `The slot is blocked in Sched. ${choice}`;
  }
  return conflictingBookingId
    ? `The slot is already taken by booking ${conflictingBookingId}. ${choice}`
    : `The slot is already taken by another booking. ${choice}`;
}

/**
 * Sched 409 `slot_unavailable`: the booking would overlap a confirmed booking of the same resource
 * (`conflictingBookingId`), or time an availability exception blocks (`blockedBy`).
 */
export class SlotUnavailableError extends ProviderError {
  constructor(
    readonly conflictingBookingId?: string,
    readonly blockedBy?: BlockingException,
  ) {
    super('slot_unavailable', slotMessage(conflictingBookingId, blockedBy));
  }
}

/**
 * Sched 422 `idempotency_key_reused`: the key already made an item, for a request that differed from this one (the
 * event changed since the first create, or a remap moved the booking to another resource).
 */
export class KeyReusedError extends ProviderError {
  constructor(readonly idempotencyKey: string) {
    super('key_reused', "Sched already made an item with this create's key, for a different request.");
  }
}

/** 404 on an item the agent expected. */
export class NotFoundError extends ProviderError {
  constructor(readonly itemId: string) {
    super('not_found', `Item ${itemId} no longer exists.`);
  }
}

/** `invalid_grant` or a revoked key: the connection needs the person to sign in again; nothing is written. */
export class AuthError extends ProviderError {
  constructor(
    readonly provider: string,
    readonly reauthRequired = true,
  ) {
    super('auth', `${provider} refused the saved sign-in. Sign in again to resume syncing.`);
  }
}

/** 429 / 403 rate limits after the retries ran out; the run stops cleanly and the next run resumes. */
export class RateLimitError extends ProviderError {
  constructor(
    readonly provider: string,
    readonly retryAfterMs?: number,
  ) {
    super('rate_limited', `${provider} asked the agent to slow down; syncing resumes on the next run.`);
  }
}
