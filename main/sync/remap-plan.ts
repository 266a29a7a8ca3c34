/**
 * The plan of a remap run (shared/SYNC.md, "Changing a connection"): the calendar now mirrors another resource.
 * Built around the ordinary `plan`, from the old pairing's links and full reads of the new resource and the calendar:
 * - a link whose booking the new resource lists is an ordinary link (a remap resumed after a crash, or a booking
 *   already moved) and is planned as usual;
 * - a link the agent made from a booking (origin `sched`) is the agent's copy of an old resource's booking: its event
 *   is deleted, but only when it carries the agent's tags (never an event the agent did not make), else unlinked;
 * - a link the agent made from the calendar's own event (origin `external`) keeps its pair, and its booking moves to
 *   the new resource: an update of the booking through the new resource's provider, which writes its `resource_id`.
 *   The booking is planned as it is now on the old resource (`MovingBookings`, read by id), so an edit made there
 *   since the last run is synced like any other and the move is sent against its current version; a booking Sched
 *   no longer has, or has cancelled, leaves its event to the new pairing, which books it on the new resource like
 *   any new event (the remap never deletes the person's event);
 * - a link the agent made from the calendar's event whose Sched item is an availability exception (`inbound_as:
 *   busy`) cannot move (Sched keeps exceptions under their resource): the old one is cancelled on the old resource,
 *   first, and the event, seen afresh, blocks the new resource with an exception of its own. With the old resource
 *   unknown (a pairing from before remaps were remembered) it is only let go.
 * Everything else (the new resource's bookings, new events) is planned as in any run. The mass-delete guard counts
 * the removed copies with the rest, against every link of the old pairing.
 */
import { keyOf, type Action, type DeleteAction, type UnlinkAction, type UpdateAction } from './actions';
import { fieldsOf, isCancelled, type SyncItem } from './item';
import { checkMassDelete } from './mass-delete-guard';
import type { SideRead } from './observations';
import { countActions, plan, type Plan, type PlanInput } from './plan';
import { schedKindOf } from './sched-kinds';
import { linkSideOf, type Link } from './state';

/** The bookings a remap moves, by id, as Sched holds them now on any resource; `null` when Sched has none. */
export type MovingBookings = ReadonlyMap<string, SyncItem | null>;

/** How the remap sorts the old pairing's links. */
interface RemapSort {
  /** Links planned as usual: their booking is on the new resource. */
  kept: Link[];
  /** The agent's copies of the old resource's bookings. */
  copies: Link[];
  /** Bookings made from the calendar's events, still on the old resource. */
  moves: Link[];
  /** Exceptions made from the calendar's events, on the old resource: cancelled there and made again. */
  exceptions: Link[];
}

function liveIds(read: SideRead): Map<string, SyncItem> {
  return new Map(read.items.filter((item) => !isCancelled(item)).map((item) => [item.id, item]));
}

function sortLinks(links: readonly Link[], onNewResource: Map<string, SyncItem>): RemapSort {
  const sorted: RemapSort = { kept: [], copies: [], moves: [], exceptions: [] };
  for (const link of links) {
    if (onNewResource.has(link.sched.id)) sorted.kept.push(link);
    else if ((link.origin ?? 'sched') !== 'external') sorted.copies.push(link);
    else if (schedKindOf(link.sched.id) === 'exception') sorted.exceptions.push(link);
    else sorted.moves.push(link);
  }
  return sorted;
}

/**
 * Ids of the bookings a remap run moves, which it reads by id before planning: those of the links made from the
 * calendar's events that the new resource's read does not list.
 */
export function bookingsToMove(links: readonly Link[], sched: SideRead): string[] {
  return sortLinks(links, liveIds(sched)).moves.map((link) => link.sched.id);
}

/**
 * The booking of a link to move, as the new resource will list it once moved: as Sched holds it now, or (not read)
 * unchanged since it was synced; `null` when it is gone or cancelled.
 */
function asMoved(link: Link, moving: MovingBookings): SyncItem | null {
  const now = moving.get(link.sched.id);
  if (now !== undefined) return now === null || isCancelled(now) ? null : now;
  return {
    ...link.sched.fields,
    id: link.sched.id,
    version: link.sched.version,
    updated: link.sched.updated,
    status: 'confirmed',
  };
}

function removeCopy(link: Link, events: Map<string, SyncItem>): DeleteAction | UnlinkAction {
  const key = { bookingId: link.sched.id, eventId: link.external.id };
  const event = events.get(link.external.id);
  if (!event?.tags) return { type: 'unlink', link: key, reason: 'remap' };
  return {
    type: 'delete',
    side: 'external',
    id: event.id,
    ifMatch: event.version,
    before: link.external.fields,
    link: key,
    reason: 'remap',
  };
}

/**
 * The old exception of an event, cancelled on the old resource whatever it holds now (the event gets a new one; an
 * `If-Match` would only leave it blocking the old resource after any edit there), or let go when that is unknown.
 */
function cancelOldException(link: Link, from: string | null): DeleteAction | UnlinkAction {
  const key = keyOf(link);
  if (from === null) return { type: 'unlink', link: key, reason: 'remap' };
  return {
    type: 'delete',
    side: 'sched',
    id: link.sched.id,
    resourceId: from,
    before: link.sched.fields,
    link: key,
    reason: 'remap',
  };
}

/** The move of a booking to the new resource as it stands (its content is the ordinary plan's business). */
function moveBooking(link: Link, booking: SyncItem, events: Map<string, SyncItem>): UpdateAction {
  const event = events.get(link.external.id);
  const moved = linkSideOf(booking);
  return {
    type: 'update',
    side: 'sched',
    id: link.sched.id,
    ifMatch: booking.version,
    fields: fieldsOf(booking),
    before: fieldsOf(booking),
    counterpart: event ? linkSideOf(event) : link.external,
    origin: 'external',
    link: { bookingId: link.sched.id, eventId: link.external.id },
    reason: 'remap',
    // Edited since the last run: the ordinary plan sends that edit to the event after this move, and until it has,
    // the link keeps the booking as last synced, so a run stopped in between still sees the edit.
    ...(moved.hash === link.sched.hash
      ? {}
      : { unsynced: { fields: link.sched.fields, hash: link.sched.hash } }),
  };
}

/**
 * What a remap sends instead of a move Sched refuses (the slot on the new resource is taken): the booking's cancel,
 * on the old resource, which no longer mirrors the calendar; the event becomes a double booking on the new one.
 */
export function cancelInsteadOfMove(move: UpdateAction): DeleteAction {
  return {
    type: 'delete',
    side: 'sched',
    id: move.id,
    before: move.before,
    link: move.link,
    reason: 'remap',
  };
}

/** The booking an action writes, copies or links, if any (a Sched create's booking does not exist yet). */
function bookingOf(action: Action): string | undefined {
  switch (action.type) {
    case 'create':
      return action.side === 'external' ? action.counterpart.id : action.replaces?.bookingId;
    case 'link':
      return action.link.sched.id;
    default:
      return action.link.bookingId;
  }
}

/**
 * True for an action the run drops because an earlier refused move cancelled its booking (`cancelled`: those
 * bookings' ids): the ordinary plan's copy of that booking, or an edit of it, would outlive it.
 */
export function followsCancelledMove(action: Action, cancelled: ReadonlySet<string>): boolean {
  const booking = bookingOf(action);
  return booking !== undefined && cancelled.has(booking);
}

/** True when the ordinary plan already writes (and so moves) or removes this booking. */
function writesBooking(actions: readonly Action[], bookingId: string): boolean {
  return actions.some(
    (action) =>
      (action.type === 'update' || action.type === 'delete') &&
      action.side === 'sched' &&
      action.id === bookingId,
  );
}

/** True for a remap run's update that moves its booking off the old resource: Sched refusing it refuses the move. */
export function isMove(action: Action): boolean {
  return action.type === 'update' && (action.reason === 'remap' || action.movesBooking === true);
}

/** The ordinary plan's update of a booking still on the old resource, which moves it as it writes it. */
function markMove(action: Action, moving: ReadonlySet<string>): Action {
  const writesMoving = action.type === 'update' && action.side === 'sched' && moving.has(action.id);
  return writesMoving ? { ...action, movesBooking: true } : action;
}

/** A refresh of a link the move stores anyway, with the moved booking's version: left out. */
function refreshOf(action: Action, moved: ReadonlySet<string>): boolean {
  return action.type === 'link' && action.reason === 'refresh' && moved.has(action.link.sched.id);
}

/**
 * Decides every action of a remap run; `moving` holds the bookings to move as read now (`bookingsToMove`; one not in
 * it is taken as last synced), `from` the old resource (null when unknown). Pure, like `plan`. Every create keeps its
 * first key: a copy an earlier pairing made under it is found by it (live: linked again; cancelled or deleted: made
 * anew under a key of its own, older-copy.ts), Sched refuses a booking's key the old resource's booking used and the
 * run looks for the copy on the new resource (action-applier.ts `keySpent`), and that first key is what finds the
 * copy again after a later lost state DB, wherever it has moved.
 */
export function planRemap(
  input: PlanInput,
  moving: MovingBookings = new Map(),
  from: string | null = null,
): Plan {
  const onNewResource = liveIds(input.sched);
  const events = liveIds(input.external);
  const { kept, copies, moves, exceptions } = sortLinks(input.state.links, onNewResource);
  const copyEvents = new Set(copies.map((link) => link.external.id));
  const movable = moves.flatMap((link) => {
    const booking = asMoved(link, moving);
    return booking ? [{ link, booking }] : [];
  });
  const lost = moves.filter((link) => !movable.some((m) => m.link === link));
  const ordinary = plan({
    ...input,
    state: { ...input.state, links: [...kept, ...movable.map((m) => m.link)] },
    // A booking to move is planned as if already moved: the pair's own edits still flow as usual.
    sched: { ...input.sched, items: [...input.sched.items, ...movable.map((m) => m.booking)] },
    external: { ...input.external, items: input.external.items.filter((e) => !copyEvents.has(e.id)) },
    reviewApproved: true,
  });
  // Moved first, as they stand, so that the ordinary plan's writes to their events come after.
  const moved = movable.filter((m) => !writesBooking(ordinary.actions, m.link.sched.id));
  const movedIds = new Set(moved.map((m) => m.link.sched.id));
  // Bookings to move that the ordinary plan writes anyway: that write is their move.
  const writtenMoves = new Set(movable.filter((m) => !moved.includes(m)).map((m) => m.link.sched.id));
  const actions: Action[] = [
    ...copies.map((link) => removeCopy(link, events)),
    ...lost.map((link): UnlinkAction => ({ type: 'unlink', link: keyOf(link), reason: 'remap' })),
    ...exceptions.map((link) => cancelOldException(link, from)),
    ...moved.map((m) => moveBooking(m.link, m.booking, events)),
    ...ordinary.actions
      .filter((action) => !refreshOf(action, movedIds))
      .map((action) => markMove(action, writtenMoves)),
  ];
  const emptySides = (['sched', 'external'] as const).filter(
    (side) => input[side].full === true && liveIds(input[side]).size === 0,
  );
  const guard = checkMassDelete({
    actions,
    linkCount: input.state.links.length,
    emptySides,
    ...(input.reviewApproved ? { approved: true } : {}),
  });
  return { actions, guard, window: input.window, counts: countActions(actions) };
}
