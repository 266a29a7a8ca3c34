/**
 * The action model: what a plan asks the engine to do. Actions are plain data; only the engine does I/O.
 *
 * How the engine applies them, in order:
 * - `create`: create `fields` on `side` with `idempotencyKey` (Google: derive the client-chosen id from it; Graph:
 *   `transactionId`; Sched: `Idempotency-Key`), writing `tags` (external) or `source` (Sched) and, when set,
 *   `allowOverlap`. With `retag`, write the new booking's id into that event's tags (If-Match; a 412 leaves them).
 *   Then store `linkAfterWrite(action, createdItem)` and drop the link `replaces` names, if any.
 * - `update`: write `fields` to item `id` on `side` with `If-Match: ifMatch`. On 412 re-read the item and plan that
 *   link again. Journal `before` as the before-image. Then store `linkAfterWrite(action, updatedItem)`.
 * - `delete`: delete (external) or cancel (Sched) item `id`; journal `before`; then drop the link `link`.
 * - `link`: store `link` (replacing any link with the same booking or event id). No remote write: a relink by tags,
 *   or fresh versions after a change that changed nothing (an echo of the agent's own write).
 * - `unlink`: drop the link; no remote write (both sides are already gone).
 * - `conflict`: record the conflict for a person; nothing is written for that link until it is resolved.
 * If `plan.guard.verdict` is `needs_review`, apply nothing and set the connection to `needs_review`.
 */
import type { BookingSource, EventTags, ItemFields, Side, SyncItem } from './item';
import type { Link, LinkSide } from './state';
import { linkSideOf } from './state';

/** Names a link by both of its ids. */
export interface LinkKey {
  bookingId: string;
  eventId: string;
}

/** Why an action is in the plan; shown in the preview and the activity log. */
export type ActionReason =
  | 'new' // an unlinked item in the window gets its copy on the other side
  | 'changed' // the linked item changed on the other side
  | 'deleted' // the linked item was deleted or cancelled on the other side
  | 'overwrite' // a one-way run undoes an edit on the side that only receives
  | 'recreate' // the copy was deleted on the side that only receives, or lost a conflict to an edit
  | 'conflict-resolved' // a conflict strategy or a person's choice picked this side
  | 'relink' // a full read found both items by their tags
  | 'refresh' // nothing to write; the stored versions and hashes move on
  | 'both-gone' // deleted on both sides
  | 'remap' // the connection now mirrors another resource (remap-plan.ts)
  | 'privacy'; // the connection's privacy changed: the copy is written again under it

/** Create a copy of the item `counterpart` describes on `side`. */
export interface CreateAction {
  type: 'create';
  side: Side;
  fields: ItemFields;
  /** Stable across retries and crashes: derived from the connection and the source item's id. */
  idempotencyKey: string;
  /** External side: the tags that mark the event as the agent's copy of a booking. */
  tags?: EventTags;
  /** Sched side: where the booking came from. New bookings are `confirmed`. */
  source?: BookingSource;
  /** Sched side: the person chose "import anyway" for this event's overlap conflict. */
  allowOverlap?: boolean;
  /** The source item as the other half of the link this create makes. */
  counterpart: LinkSide;
  /** A link this create supersedes (the copy it recreates was deleted). */
  replaces?: LinkKey;
  /**
   * Sched side: the event this booking is made again from is the agent's copy of the booking that went; once made,
   * its tags are rewritten to name the new booking (`fields` and `ifMatch` as read), so no event names a gone booking.
   */
  retag?: { eventId: string; ifMatch: string; fields: ItemFields; connectionId: string };
  reason: ActionReason;
}

/** Overwrite the synced fields of a linked item. */
export interface UpdateAction {
  type: 'update';
  side: Side;
  id: string;
  ifMatch: string;
  fields: ItemFields;
  /** The fields as the plan last knew them on `side`: the journal's before-image. */
  before: ItemFields;
  /** The other side of the link as it stands after this run. */
  counterpart: LinkSide;
  /** Which side the link started from (kept on the stored link). */
  origin: Side;
  link: LinkKey;
  reason: ActionReason;
  /** Sched side: the person chose "import anyway" for this moved event's overlap conflict. */
  allowOverlap?: boolean;
  /**
   * Sched side, a remap run: the update also moves the booking from the old resource (sent through the new one's
   * provider); refused for a taken slot, it is a refused move (`cancelInsteadOfMove`), like a `remap` update's.
   */
  movesBooking?: true;
  /**
   * The written side's fields as last synced, kept as its baseline instead of what the write left: the update carries
   * a change that has yet to reach the other side (a remap's move of a booking edited since the last run, whose
   * event's update comes next). Should the run stop between the two, the next one still sees the change and sends it.
   */
  unsynced?: Pick<LinkSide, 'fields' | 'hash'>;
}

/** Delete (external) or cancel (Sched) a linked item, then forget the link. */
export interface DeleteAction {
  type: 'delete';
  side: Side;
  id: string;
  ifMatch?: string;
  /** The Sched resource that holds the item when it is not the connection's (a remap's old exceptions). */
  resourceId?: string;
  before: ItemFields;
  link: LinkKey;
  reason: ActionReason;
}

/** Store a link without writing anything remote. */
export interface LinkAction {
  type: 'link';
  link: Link;
  reason: ActionReason;
}

/** Forget a link without writing anything remote. */
export interface UnlinkAction {
  type: 'unlink';
  link: LinkKey;
  reason: ActionReason;
}

/** One side of a conflict as a person sees it. */
export interface ConflictVersion {
  id: string;
  deleted: boolean;
  fields: ItemFields;
  version: string;
  updated: string;
}

/** One field that differs between the two versions of a conflict. */
export interface FieldDifference {
  field: keyof ItemFields;
  sched: string;
  external: string;
}

/** An edit conflict: both sides changed (or one deleted, one edited) since the last run. */
export interface ConflictAction {
  type: 'conflict';
  kind: 'edit';
  link: LinkKey;
  sched: ConflictVersion;
  external: ConflictVersion;
  differences: FieldDifference[];
}

/** Anything a plan can ask for. */
export type Action = CreateAction | UpdateAction | DeleteAction | LinkAction | UnlinkAction | ConflictAction;

/** The stored link after a `create` or `update` succeeded and returned `written`. */
export function linkAfterWrite(action: CreateAction | UpdateAction, written: SyncItem): Link {
  const writtenSide = linkSideOf(written);
  // A booking made again from the agent's copy of a gone booking has that event retagged to name it: the pair is the
  // booking and its tagged copy, as a relink by those tags would find it, so the next remake retags the event again.
  const origin =
    action.type === 'create'
      ? action.side === 'sched' && action.retag === undefined
        ? 'external'
        : 'sched'
      : action.origin;
  if (action.type === 'update' && action.unsynced) Object.assign(writtenSide, action.unsynced);
  return action.side === 'sched'
    ? { sched: writtenSide, external: action.counterpart, origin }
    : { sched: action.counterpart, external: writtenSide, origin };
}

/** The key of a stored link. */
export function keyOf(link: Link): LinkKey {
  return { bookingId: link.sched.id, eventId: link.external.id };
}
