/**
 * What a run's recovery would replay, as the preview sees it: a crashed run's unfinished creates are sent again
 * (with their idempotency keys) before the next run plans, so the preview counts them and plans as if they were done.
 */
import type { OutboxEntry } from '../store';
import type { CreateAction, ItemFields, Link, Side, SideRead, SyncItem, SyncState } from '../sync';
import { exceptionIdOf, exceptionItemId, linkAfterWrite, type SchedKind } from '../sync';
import { createOf, intentKindOf } from './outbox-intent';

/** The plan's inputs once the replays are done, and the creates that replay them. */
export interface Replayed {
  state: SyncState;
  sched: SideRead;
  external: SideRead;
  creates: CreateAction[];
  /**
   * Indexes into `creates` of those no read shows made: the crash came before their write (or the copy is out of
   * sight), so Sched checks their slot when the run sends them, like any new booking.
   */
  unseen: number[];
  /** The id each of `creates` has in its side's read: the item found again, or its stand-in. */
  ids: string[];
}

/**
 * The item a replayed create finds again if the crash came after the write (`read` shows it), or null. On the Sched
 * side only an item of the kind the replay makes (`kind`): Sched keeps bookings' keys apart from exceptions', so a
 * booking made from the same event (cancelled by a switch to busy, say) is never what an exception's key finds.
 */
function madeBefore(
  action: CreateAction,
  read: SideRead,
  kind: SchedKind,
  undoneCopy?: string,
): SyncItem | null {
  // The copy a create makes again (`replaces`: cancelled or deleted since) is gone, never the one it makes; so is the
  // copy an undo took away (`undoneCopy`), when the original changed after the undo and is copied again.
  const replaced = action.side === 'sched' ? action.replaces?.bookingId : action.replaces?.eventId;
  const made = read.items.find(
    (item) =>
      item.id !== replaced &&
      item.id !== undoneCopy &&
      (action.side === 'external'
        ? item.tags?.bookingId === action.counterpart.id
        : item.source?.eventId === action.counterpart.id &&
          (exceptionIdOf(item.id) !== null) === (kind === 'exception')),
  );
  return made ?? null;
}

/** A stand-in for the item a replayed create would make (its id is the service's to choose). */
function standIn(action: CreateAction, entry: OutboxEntry, kept: ItemFields, kind: SchedKind): SyncItem {
  const id = `replay:${entry.idempotencyKey}`;
  return {
    // Under `inbound_as: busy` the Sched side makes an exception, whose id says so (sched-kinds.ts).
    id: action.side === 'sched' && kind === 'exception' ? exceptionItemId(id) : id,
    version: 'replay',
    updated: action.counterpart.updated,
    status: 'confirmed',
    ...kept,
    ...(action.tags ? { tags: action.tags } : {}),
    ...(action.source ? { source: action.source } : {}),
  };
}

/**
 * True when the feeds since the crash (`since`, replay-feeds.ts) show the copy the unfinished create `entry` made: its
 * write reached the service before the crash. `schedKind`: the kind the calendar's events become now.
 */
export function madeBeforeCrash(
  entry: OutboxEntry,
  since: Record<Side, SyncItem[]>,
  schedKind: SchedKind,
): boolean {
  const create = createOf(entry);
  if (!create) return false;
  const read: SideRead = { items: since[create.side], deleted: [] };
  return madeBefore(create, read, intentKindOf(entry) ?? schedKind) !== null;
}

/**
 * Applies the replays of `entries` (the connection's unfinished intents) to the plan's inputs, as `recover` and the
 * next read would: each create's item is in its side's read and linked to its counterpart. Other intents are
 * abandoned by `recover`, so they change nothing.
 */
export function withReplays(
  entries: readonly OutboxEntry[],
  input: { state: SyncState; sched: SideRead; external: SideRead },
  /** What each side keeps of fields written to it (the port's `keeps`). */
  keeps: Record<Side, (fields: ItemFields, kind?: SchedKind) => ItemFields> = {
    sched: (f) => f,
    external: (f) => f,
  },
  /** The kind of Sched item the calendar's events become (the connection's `inbound_as`). */
  schedKind: SchedKind = 'booking',
  /**
   * Each side's changes since the crashed run read it (replay-feeds.ts): a copy the full read does not list because a
   * person cancelled or deleted it is found there, as the run's replay will find it.
   */
  since: Record<Side, SyncItem[]> = { sched: [], external: [] },
): Replayed {
  const reads = { sched: input.sched, external: input.external };
  const links: Link[] = [...input.state.links];
  const creates: CreateAction[] = [];
  const unseen: number[] = [];
  const ids: string[] = [];
  for (const entry of entries) {
    const create = createOf(entry);
    if (!create) continue;
    const read = reads[create.side];
    // Made as the kind its intent was recorded for, whatever `inbound_as` says now (`sendCreate` replays so).
    const kind = intentKindOf(entry) ?? schedKind;
    const kept = keeps[create.side](create.fields, kind);
    const later = { ...read, items: since[create.side] };
    const undone = create.side === 'sched' ? input.state.skippedEvents : input.state.skippedBookings;
    const undoneCopy = undone?.find((item) => item.id === create.counterpart.id)?.copyId;
    const seen = madeBefore(create, read, kind, undoneCopy) ?? madeBefore(create, later, kind, undoneCopy);
    if (!seen) unseen.push(creates.length);
    const item = seen ?? standIn(create, entry, kept, kind);
    // As `sendCreate` replays: the baseline is what the agent wrote, so a person's edit since shows as one.
    const link = linkAfterWrite(create, { ...item, ...kept });
    const gone = (l: Link) =>
      l.sched.id === link.sched.id ||
      l.external.id === link.external.id ||
      (create.replaces !== undefined && l.sched.id === create.replaces.bookingId);
    links.splice(0, links.length, ...links.filter((l) => !gone(l)), link);
    reads[create.side] = { ...read, items: [...read.items.filter((i) => i.id !== item.id), item] };
    creates.push(create);
    ids.push(item.id);
  }
  return { state: { ...input.state, links }, ...reads, creates, unseen, ids };
}
