/**
 * The plan of a remap run (shared/SYNC.md, "Changing a connection"): the calendar now mirrors another resource.
 * Built around the ordinary `plan`, from the old pairing's links and full reads of the new resource and the calendar:
 * - a link whose booking the new resource lists is an ordinary link (a remap resumed after a crash, or a booking
 *   already moved) and is planned as usual;
 * - a link the agent made from a booking (origin `sched`) is the agent's copy of an old resource's booking: its event
 *   is deleted, but only when it carries the agent's tags (never an event the agent did not make), else unlinked;
 * - a link the agent made from the calendar's own event (origin `external`) keeps its pair, and its booking moves to
 *   the new resource: an update of the booking through the new resource's provider, which writes its `resource_id`.
 * Everything else (the new resource's bookings, new events) is planned as in any run. The mass-delete guard counts
 * the removed copies with the rest, against every link of the old pairing.
 */
import type { Action, DeleteAction, UnlinkAction, UpdateAction } from './actions';
import { isCancelled, type SyncItem } from './item';
import { checkMassDelete } from './mass-delete-guard';
import type { SideRead } from './observations';
import { countActions, plan, type Plan, type PlanInput } from './plan';
import { linkSideOf, type Link } from './state';

/** How the remap sorts the old pairing's links. */
interface RemapSort {
  /** Links planned as usual: their booking is on the new resource. */
  kept: Link[];
  /** The agent's copies of the old resource's bookings. */
  copies: Link[];
  /** Bookings made from the calendar's events, still on the old resource. */
  moves: Link[];
}

function liveIds(read: SideRead): Map<string, SyncItem> {
  return new Map(read.items.filter((item) => !isCancelled(item)).map((item) => [item.id, item]));
}

function sortLinks(links: readonly Link[], onNewResource: Map<string, SyncItem>): RemapSort {
  const sorted: RemapSort = { kept: [], copies: [], moves: [] };
  for (const link of links) {
    if (onNewResource.has(link.sched.id)) sorted.kept.push(link);
    else if ((link.origin ?? 'sched') === 'external') sorted.moves.push(link);
    else sorted.copies.push(link);
  }
  return sorted;
}

/** The booking of a link to move, as the new resource will list it once moved: unchanged since it was synced. */
function asMoved(link: Link): SyncItem {
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

function moveBooking(link: Link, events: Map<string, SyncItem>): UpdateAction {
  const event = events.get(link.external.id);
  return {
    type: 'update',
    side: 'sched',
    id: link.sched.id,
    ifMatch: link.sched.version,
    fields: link.sched.fields,
    before: link.sched.fields,
    counterpart: event ? linkSideOf(event) : link.external,
    origin: 'external',
    link: { bookingId: link.sched.id, eventId: link.external.id },
    reason: 'remap',
  };
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

/**
 * A create of the remap run gets a key of this remap: the old pairing may have had a copy of the same item under the
 * first key, removed since (by this remap or an earlier one), and Google keeps deleted ids, Sched idempotency keys.
 * `remapId` is the same on every retry of one remap, so a crash mid-remap still makes no second copy.
 */
function keyedForRemap(action: Action, remapId: string): Action {
  return action.type === 'create'
    ? { ...action, idempotencyKey: `${action.idempotencyKey}:remap:${remapId}` }
    : action;
}

/** Decides every action of a remap run; `remapId` names the remap (when it was asked for). Pure, like `plan`. */
export function planRemap(input: PlanInput, remapId: string): Plan {
  const onNewResource = liveIds(input.sched);
  const events = liveIds(input.external);
  const { kept, copies, moves } = sortLinks(input.state.links, onNewResource);
  const copyEvents = new Set(copies.map((link) => link.external.id));
  const ordinary = plan({
    ...input,
    state: { ...input.state, links: [...kept, ...moves] },
    // A booking to move is planned as if already moved, unchanged: the pair's own edits still flow as usual.
    sched: { ...input.sched, items: [...input.sched.items, ...moves.map(asMoved)] },
    external: { ...input.external, items: input.external.items.filter((e) => !copyEvents.has(e.id)) },
    reviewApproved: true,
  });
  const actions: Action[] = [
    ...copies.map((link) => removeCopy(link, events)),
    ...ordinary.actions.map((action) => keyedForRemap(action, remapId)),
    ...moves
      .filter((link) => !writesBooking(ordinary.actions, link.sched.id))
      .map((link) => moveBooking(link, events)),
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
