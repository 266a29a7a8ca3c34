/**
 * The plan of a run after `inbound_as` changed (shared/SYNC.md, "Availability" and "Changing a connection"): like a
 * remap, the calendar's events now mean something else in Sched. Built around the ordinary plan (or a remap's):
 * - a link the agent made from the calendar's own event (origin `external`) whose Sched item is of the other kind
 *   is converted: that booking (or exception) is cancelled and the event, seen afresh, gets an item of the new kind,
 *   keyed apart from the first copy. Only events this run read alive are converted; the others wait for their read;
 * - under `bookings`, the agent's copies of exceptions (origin `sched`) are removed from the calendar (only events
 *   that carry the agent's tags), since exceptions cross only for someone's own calendar.
 * The cancellations come first, so a booking never collides with the exception it replaces. The mass-delete guard
 * counts them with the rest, and the preview shows them: it is the same plan.
 */
import type { Action, CreateAction, DeleteAction, UnlinkAction } from './actions';
import { recreateKey } from './identity';
import { isCancelled, type SyncItem } from './item';
import { checkMassDelete } from './mass-delete-guard';
import { countActions, type Plan, type PlanInput } from './plan';
import { inboundKind, schedKindOf } from './sched-kinds';
import { isInbound } from './settings';
import { linkSideOf, type Link } from './state';
import { cameFromThisCalendar } from './relink';
import { overlapsWindow } from './window';

interface Sorted {
  kept: Link[];
  /** Links to a Sched item of the old kind, made from an event this run read alive. */
  converted: Link[];
  /** The agent's copies of exceptions, under `bookings`. */
  exceptionCopies: Link[];
}

function sortLinks(input: PlanInput, events: Map<string, SyncItem>): Sorted {
  const wanted = inboundKind(input.settings.inbound_as);
  const skipped = new Set(input.state.skippedEventIds ?? []);
  // The ordinary plan must copy the event again, or the old item would go with nothing in its place.
  const copiedAgain = (eventId: string): boolean => {
    const event = events.get(eventId);
    return (
      event !== undefined &&
      !skipped.has(eventId) &&
      overlapsWindow(event, input.window, input.resourceTimezone)
    );
  };
  const sorted: Sorted = { kept: [], converted: [], exceptionCopies: [] };
  sorted.converted.push(...foundOfOldKind(input, events, wanted, copiedAgain));
  for (const link of input.state.links) {
    const kind = schedKindOf(link.sched.id);
    const fromEvent = (link.origin ?? 'sched') === 'external';
    if (
      fromEvent &&
      kind !== wanted &&
      isInbound(input.settings.direction) &&
      copiedAgain(link.external.id)
    ) {
      sorted.converted.push(link);
    } else if (!fromEvent && kind === 'exception' && wanted === 'booking') sorted.exceptionCopies.push(link);
    else sorted.kept.push(link);
  }
  return sorted;
}

/**
 * Items of the old kind the agent made from this calendar's events that no link holds (the state DB was lost, and
 * `inbound_as` changed meanwhile): found by their `source`, as a relink finds them, and converted like linked ones.
 */
function foundOfOldKind(
  input: PlanInput,
  events: Map<string, SyncItem>,
  wanted: ReturnType<typeof inboundKind>,
  copiedAgain: (eventId: string) => boolean,
): Link[] {
  if (!isInbound(input.settings.direction)) return [];
  const linked = new Set(input.state.links.flatMap((link) => [link.sched.id, link.external.id]));
  return input.sched.items.flatMap((item): Link[] => {
    if (isCancelled(item) || linked.has(item.id) || schedKindOf(item.id) === wanted) return [];
    if (!cameFromThisCalendar(item, input.connection) || !item.source) return [];
    const event = events.get(item.source.eventId);
    if (!event || linked.has(event.id) || !copiedAgain(event.id)) return [];
    return [{ sched: linkSideOf(item), external: linkSideOf(event), origin: 'external' }];
  });
}

/**
 * The old item's cancellation, sent against the version this run read: one a person edited since the last run is
 * converted all the same (its event makes the new item), not refused on every retry by a stale `If-Match`. One this
 * run did not read (a remap at the same time: it is on the old resource, `remapFrom`) is cancelled whatever its
 * version, an exception there on that resource (Sched keeps exceptions under their resource).
 */
function cancelOld(link: Link, read: ReadonlyMap<string, SyncItem>, remapFrom: string | null): DeleteAction {
  const version = read.get(link.sched.id)?.version;
  const elsewhere = version === undefined && remapFrom !== null && schedKindOf(link.sched.id) === 'exception';
  return {
    type: 'delete',
    side: 'sched',
    id: link.sched.id,
    ...(version ? { ifMatch: version } : {}),
    ...(elsewhere ? { resourceId: remapFrom } : {}),
    before: link.sched.fields,
    link: { bookingId: link.sched.id, eventId: link.external.id },
    reason: 'remap',
  };
}

function removeCopy(link: Link, events: Map<string, SyncItem>): DeleteAction | UnlinkAction {
  const key = { bookingId: link.sched.id, eventId: link.external.id };
  const event = events.get(link.external.id);
  if (!event?.tags) return { type: 'unlink', link: key, reason: 'remap' };
  const { id, version } = event;
  return {
    type: 'delete',
    side: 'external',
    id,
    ifMatch: version,
    before: link.external.fields,
    link: key,
    reason: 'remap',
  };
}

/** The event's new item gets a key naming the item it replaces: the first key still answers with the old one. */
function rekeyed(action: Action, converted: Map<string, Link>, connectionId: string): Action {
  if (action.type !== 'create' || action.side !== 'sched') return action;
  const link = converted.get(action.counterpart.id);
  if (!link) return action;
  const create: CreateAction = {
    ...action,
    idempotencyKey: recreateKey(connectionId, 'sched', link.external.id, link.sched.id),
    reason: 'remap',
  };
  return create;
}

/**
 * A link from the calendar's own event to an item of the kind `inbound_as` no longer makes waits for its event's read
 * to be converted (sortLinks). If its old item is gone meanwhile (a crashed conversion cancelled it, and the event's
 * day has left the window since), the link is forgotten: the person's own event is never deleted for an item of a
 * kind the connection no longer makes. Its new item comes when the event is read in the window again.
 */
function sparedEvents(actions: readonly Action[], input: PlanInput): Action[] {
  const deletesEvent = (action: Action): action is DeleteAction =>
    action.type === 'delete' && action.side === 'external';
  // Most plans delete no event: the links are then not gone through at all (the planner's hot path).
  if (!isInbound(input.settings.direction) || !actions.some(deletesEvent)) return [...actions];
  const wanted = inboundKind(input.settings.inbound_as);
  const waiting = new Set(
    input.state.links
      .filter((link) => (link.origin ?? 'sched') === 'external' && schedKindOf(link.sched.id) !== wanted)
      .map((link) => link.external.id),
  );
  return actions.map((action): Action =>
    deletesEvent(action) && waiting.has(action.link.eventId)
      ? { type: 'unlink', link: action.link, reason: 'remap' }
      : action,
  );
}

/** `plan` with `sparedEvents` applied, its counts taken again when anything was spared. */
function sparingWaitingEvents(plan: Plan, input: PlanInput): Plan {
  const actions = sparedEvents(plan.actions, input);
  const same = actions.every((action, i) => action === plan.actions[i]);
  return same ? plan : { ...plan, actions, counts: countActions(actions) };
}

/**
 * Wraps `inner` (`plan` or a remap's plan) with the conversions `inbound_as` asks for; with none, `inner`'s plan as
 * it is. `remapFrom`: the old resource of a remap planned in the same run (null: none, or not known). Pure.
 */
export function planInboundAs(
  input: PlanInput,
  inner: (input: PlanInput) => Plan,
  remapFrom: string | null = null,
): Plan {
  const events = new Map(
    input.external.items
      .filter((item) => !isCancelled(item) && item.availability !== 'free')
      .map((e) => [e.id, e]),
  );
  const { kept, converted, exceptionCopies } = sortLinks(input, events);
  if (converted.length === 0 && exceptionCopies.length === 0)
    return sparingWaitingEvents(inner(input), input);
  const dropped = new Set([...converted, ...exceptionCopies].map((link) => link.external.id));
  const copies = new Set(exceptionCopies.map((link) => link.external.id));
  const old = new Set(converted.map((link) => link.sched.id));
  const ordinary = inner({
    ...input,
    state: { ...input.state, links: kept },
    // The old items would be found again by their `source` and relinked: they are on their way out.
    sched: { ...input.sched, items: input.sched.items.filter((item) => !old.has(item.id)) },
    // A converted event looks new to the ordinary plan; a removed copy's event is left to this plan alone.
    external: { ...input.external, items: input.external.items.filter((event) => !copies.has(event.id)) },
    reviewApproved: true,
  });
  const byEvent = new Map(converted.map((link) => [link.external.id, link]));
  const schedRead = new Map(input.sched.items.map((item) => [item.id, item]));
  const actions: Action[] = [
    ...converted.map((link) => cancelOld(link, schedRead, remapFrom)),
    ...exceptionCopies.map((link) => removeCopy(link, events)),
    ...sparedEvents(ordinary.actions, input)
      .filter((action) => !(action.type === 'unlink' && dropped.has(action.link.eventId)))
      .map((action) => rekeyed(action, byEvent, input.connection.id)),
  ];
  const guard = checkMassDelete({
    actions,
    linkCount: input.state.links.length,
    emptySides: (['sched', 'external'] as const).filter(
      (side) => input[side].full === true && input[side].items.every(isCancelled),
    ),
    ...(input.reviewApproved ? { approved: true } : {}),
  });
  return { actions, guard, window: input.window, counts: countActions(actions) };
}
