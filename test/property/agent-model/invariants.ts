/**
 * The checks a person relies on, run after every step (duplicates, provenance, Sched's status) and after quiet runs
 * (every live item in a copying direction's window has exactly one copy, or an open conflict or review names it).
 * Each failed check is one sentence naming the items, appended to the model's violations.
 */
import type { Connection, ConflictView } from '../../../preload/contract';
import type { SyncItem } from '../../../main/sync';
import { exceptionItemId, overlapsWindow, syncWindow } from '../../../main/sync';
import { stateOf, type Model } from './model';
import type { SideName } from './steps';
import { zone, type AgentWorld } from './world';

const outbound = (c: Connection) => c.sync_settings.direction !== 'external-to-sched';
const inbound = (c: Connection) => c.sync_settings.direction !== 'sched-to-external';
const sameTimes = (a: SyncItem, b: SyncItem) =>
  Date.parse(a.start.kind === 'instant' ? a.start.utc : a.start.date) ===
    Date.parse(b.start.kind === 'instant' ? b.start.utc : b.start.date) &&
  JSON.stringify(a.end) === JSON.stringify(b.end);

/** No booking has two copies in a calendar; no event has two bookings (in one resource, or anywhere if `strict`). */
export function checkDuplicates(world: AgentWorld, model: Model, strict: boolean): void {
  const seen = new Map<string, string>();
  const once = (key: string, id: string, what: string) => {
    const first = seen.get(key);
    if (first) model.fail('duplicate', `${what} has two copies: ${first} and ${id}`);
    else seen.set(key, id);
  };
  for (const { where, item } of world.liveItems('external'))
    if (item.tags)
      once(`${where}:b:${item.tags.bookingId}`, item.id, `booking ${item.tags.bookingId} (in ${where})`);
  // A booking and an exception made from one event are two copies too (SYNC.md, "Availability").
  const blocks = [...world.exceptions].flatMap(([where, p]) => p.live().map((item) => ({ where, item })));
  for (const { where, item } of [...world.liveItems('sched'), ...blocks]) {
    if (!item.source) continue;
    const key = `${strict ? '' : where}:e:${item.source.calendarId}/${item.source.eventId}`;
    once(key, item.id, `event ${item.source.eventId} of ${item.source.calendarId}`);
  }
}

/** Nothing a person made is changed or deleted by the agent, except as a direction's rules say. */
export function checkProvenance(
  world: AgentWorld,
  model: Model,
  connections: Connection[],
  undoing: boolean,
): void {
  for (const side of ['sched', 'external'] as SideName[]) {
    const providers = side === 'sched' ? world.sched : world.cals;
    for (const { id, mine, now } of model.changedByAgent(providers, side)) {
      const writers = connections.filter((c) =>
        side === 'sched'
          ? c.resource_id === mine.where && inbound(c)
          : c.calendar_id === mine.where && outbound(c),
      );
      const what = `the ${side === 'sched' ? 'booking' : 'event'} ${id} a person made in ${mine.where}`;
      const live = now && now.status !== 'cancelled';
      if (writers.length === 0) {
        model.fail(
          'provenance',
          `the agent ${live ? 'changed' : 'deleted'} ${what}, which no connection may write to`,
        );
        continue;
      }
      if (!live) {
        if (!model.copyRemovedByPerson.has(id) && !relayedRemoval(world, model, side, id))
          model.fail('provenance', `the agent deleted ${what}, though no person deleted its copy`);
        continue;
      }
      if (undoing && mine.history.includes(stateOf(now))) continue;
      if (!copiesOf(world, side, id).some((copy) => sameTimes(copy, now)))
        model.fail(
          'provenance',
          `the agent changed ${what} to a time no copy of it has (${now.start.kind === 'instant' ? now.start.utc : now.start.date})`,
        );
    }
  }
}

/**
 * Whether a person removed a copy of a copy: an event's booking whose copy in another calendar of the same resource
 * a person deleted (each hop is a direction's rule, so the original goes too).
 */
function relayedRemoval(world: AgentWorld, model: Model, side: SideName, id: string): boolean {
  if (side !== 'external') return false;
  return [...world.sched.values()].some((p) =>
    p.all().some((b) => b.source?.eventId === id && model.copyRemovedByPerson.has(b.id)),
  );
}

/** The live copies of a person's item: the booking made from an event, or the events made from a booking. */
function copiesOf(world: AgentWorld, side: SideName, id: string): SyncItem[] {
  const other = world.liveItems(side === 'external' ? 'sched' : 'external').map(({ item }) => item);
  return other.filter((item) => (side === 'external' ? item.source?.eventId : item.tags?.bookingId) === id);
}

/** Sched's Connected Calendars shows every connection with the agent's resource and status. */
export function checkSchedStatus(world: AgentWorld, model: Model, connections: Connection[]): void {
  for (const c of connections) {
    // Sched shows the other device's status for a calendar it took over (checkHolds).
    if (model.otherHolds.has(c.calendar_id)) continue;
    const entry = world.directory.registry.get(c.calendar_id);
    if (!entry) model.fail('sched-status', `Sched does not list ${c.calendar_id}, which the agent syncs`);
    else if (entry.resource_id !== c.resource_id)
      model.fail(
        'sched-status',
        `Sched shows ${c.calendar_id} on ${entry.resource_id}; the agent syncs it with ${c.resource_id}`,
      );
    else if (c.sync_status !== 'syncing' && entry.sync_status !== c.sync_status)
      model.fail(
        'sched-status',
        `Sched shows ${c.calendar_id} as ${entry.sync_status}; the agent says ${c.sync_status}`,
      );
  }
}

/**
 * After quiet runs: in each connection that syncs, every live booking of its resource inside the window (outbound)
 * and every live event of its calendar inside the window (inbound) has exactly one copy at the same time, unless an
 * open conflict names it, a person skipped it, or an undo took its copy; no copy outlives what it was made from;
 * no booking made from the calendar stays on another resource.
 */
export function checkCoverage(
  world: AgentWorld,
  model: Model,
  connections: Connection[],
  conflicts: ConflictView[],
): void {
  const named = new Set(conflicts.flatMap((c) => [c.sched?.id, c.external?.id].filter(Boolean) as string[]));
  const excused = (id: string) => named.has(id) || model.undoExempt.has(id) || model.skipped.has(id);
  const window = (c: Connection) =>
    syncWindow(
      world.now().toISOString(),
      c.sync_settings.window_days_past,
      c.sync_settings.window_days_future,
      zone,
    );
  for (const c of connections) {
    if (c.sync_status !== 'active') continue;
    const bookings = world.resourceProvider(c.resource_id).live();
    const events = world.calendarProvider(c.calendar_id).live();
    const inWindow = (item: SyncItem) => overlapsWindow(item, window(c), zone);
    const label = `${c.calendar_id} (${c.resource_id}, ${c.sync_settings.direction})`;
    if (outbound(c)) {
      for (const b of bookings.filter(inWindow)) {
        if (b.source?.calendarId === c.calendar_id || excused(b.id)) continue;
        const copies = events.filter((e) => e.tags?.bookingId === b.id);
        // A moved-overlap conflict names the moved copy and the booking holding the slot, not the copy's booking.
        if (copies.some((e) => excused(e.id))) continue;
        if (copies.length !== 1)
          model.fail('coverage', `${label}: booking ${b.id} "${b.title}" has ${copies.length} copies`);
        else if (!sameTimes(copies[0]!, b))
          model.fail('coverage', `${label}: booking ${b.id}'s copy is at another time`);
      }
      // Under busy, the resource's exceptions go out as events too.
      const blocked = world
        .exceptionProvider(c.resource_id)
        .live()
        .map((x) => exceptionItemId(x.id));
      for (const e of events.filter(inWindow)) {
        if (!e.tags || excused(e.id) || excused(e.tags.bookingId) || model.orphanable.has(e.id)) continue;
        if (!bookings.some((b) => b.id === e.tags!.bookingId) && !blocked.includes(e.tags.bookingId))
          model.fail(
            'stale-copy',
            `${label}: event ${e.id} copies booking ${e.tags.bookingId}, which is not a live booking of ${c.resource_id}`,
          );
      }
    }
    if (inbound(c))
      checkInbound(c, label, events.filter(inWindow), bookings, world, model, excused, inWindow);
    for (const [resourceId, provider] of world.sched) {
      if (resourceId === c.resource_id) continue;
      for (const b of provider.live()) {
        // A copy live when the state DB was lost whose event went before the resync may stay (SYNC.md, "Identity"):
        // nothing names it any more, on the old resource as on any other. So may one whose event is outside the
        // window: after a lost state DB the agent reads only the window.
        const event = events.find((e) => e.id === b.source?.eventId);
        const orphan = model.orphanable.has(b.id) && (!event || !inWindow(event));
        const fromCopy = model.remadeFromCopies.has(b.id);
        if (b.source?.calendarId === c.calendar_id && !excused(b.id) && !orphan && !fromCopy)
          model.fail(
            'remap-leftover',
            `${label}: booking ${b.id} made from its event ${b.source.eventId} stays on ${resourceId}`,
          );
      }
    }
  }
}

/** After quiet runs, no open conflict is about items that are gone on both sides (SYNC.md, "Conflicts"). */
export function checkConflicts(world: AgentWorld, model: Model, conflicts: ConflictView[]): void {
  // Busy blocks are Sched items too, under their prefixed ids (a conflict about a block names it so).
  const blocks = [...world.exceptions.values()].flatMap((p) => p.live().map((x) => exceptionItemId(x.id)));
  const live = new Set([
    ...[...world.liveItems('sched'), ...world.liveItems('external')].map(({ item }) => item.id),
    ...blocks,
  ]);
  for (const c of conflicts) {
    const ids = [c.sched?.id, c.external?.id].filter((id): id is string => Boolean(id));
    if (ids.length > 0 && ids.every((id) => !live.has(id)))
      model.fail(
        'stale-conflict',
        `${c.kind} conflict ${c.id} of ${c.calendar_id} is still open, though ${ids.join(' and ')} are gone`,
      );
  }
}

/**
 * Inbound, after quiet runs: every busy event of the calendar's own in the window has exactly one copy of the kind
 * `inbound_as` says (a booking, or under `busy` an exception) and none of the other; a free or declined event has
 * none; no copy outlives its event or its event's busy time.
 */
function checkInbound(
  c: Connection,
  label: string,
  events: SyncItem[],
  bookings: SyncItem[],
  world: AgentWorld,
  model: Model,
  excused: (id: string) => boolean,
  inWindow: (item: SyncItem) => boolean,
): void {
  const busyMode = c.sync_settings.inbound_as === 'busy';
  const blocks = world.exceptionProvider(c.resource_id).live();
  const madeFrom = (list: SyncItem[], eventId: string) =>
    list.filter((b) => b.source?.calendarId === c.calendar_id && b.source.eventId === eventId);
  for (const e of events) {
    if (e.tags || excused(e.id)) continue;
    const asBookings = madeFrom(bookings, e.id);
    const asBlocks = madeFrom(blocks, e.id);
    if ([...asBookings, ...asBlocks].some((b) => excused(b.id) || excused(exceptionItemId(b.id)))) continue;
    if (e.availability === 'free') {
      if (asBookings.length + asBlocks.length > 0)
        model.fail('free-time', `${label}: free or declined event ${e.id} "${e.title}" blocks time in Sched`);
      continue;
    }
    const [copies, wrong] = busyMode ? [asBlocks, asBookings] : [asBookings, asBlocks];
    const kind = busyMode ? 'exceptions' : 'bookings';
    if (wrong.length > 0)
      model.fail(
        'inbound-kind',
        `${label}: event ${e.id} "${e.title}" made a ${busyMode ? 'booking' : 'exception'}`,
      );
    if (copies.length !== 1)
      model.fail('coverage', `${label}: event ${e.id} "${e.title}" has ${copies.length} ${kind}`);
    else if (!sameTimes(copies[0]!, e))
      model.fail('coverage', `${label}: event ${e.id}'s copy in Sched is at another time`);
  }
  const all = world.calendarProvider(c.calendar_id).live();
  for (const b of [...bookings, ...blocks]) {
    if (b.source?.calendarId !== c.calendar_id || excused(b.id) || excused(b.source.eventId)) continue;
    if (excused(exceptionItemId(b.id)) || model.orphanable.has(b.id)) continue;
    // A block left from before a lost state DB, outside the window: the agent reads only the window then.
    if (model.orphanable.has(exceptionItemId(b.id)) && !inWindow(b)) continue;
    const busy = all.some((e) => e.id === b.source!.eventId && e.availability !== 'free');
    if (!busy && !all.some((e) => e.tags?.bookingId === b.id))
      model.fail(
        'stale-copy',
        `${label}: ${b.id} stays in Sched though its event ${b.source.eventId} was deleted or is no longer busy`,
      );
  }
}
