/**
 * Copies a person moved out of the window while the state DB was lost (shared/SYNC.md, "Identity: never a
 * duplicate"; docs/sync-rules.md, "Lost state"). The resync pairs items again by their tags and `source`, but a full
 * read lists only the window: a booking made from an event still in the window, since moved out of it, is not there,
 * and the event would be booked a second time (under `inbound_as: busy` after a switch, blocked as well as booked).
 * So a run of a calendar whose history the state DB does not know reads every Sched item made from the calendar's
 * events, of either kind and wherever in time, and adds those whose event the calendar's read listed unlinked: the
 * first run after the loss (no links at all), and any later one whose read lists an event no link names (an item and
 * its copy both beyond the window at the loss are paired only once one of them comes back in). A new connection (its
 * history known: nothing was made from it before) and a run whose reads hold nothing unlinked skip it. The calendar
 * side is read the same way, by the connection's tag: an event copy moved out of the window would otherwise be found
 * only by its create's key, so the run would relink it where the preview predicted a create.
 */
import type { CalendarProvider, CalendarRef } from '../providers/port';
import type { Link, SideRead, SyncItem, SyncWindow } from '../sync';
import { timeToEpochMs } from '../sync';
import type { ConnectionSession } from './connection-session';

type Reads = { sched: SideRead; external: SideRead };

/** The ids of `read`'s live items that no link names (`linked`: the ids the links name on that side). */
function unlinkedLive(read: SideRead, linked: ReadonlySet<string>): Set<string> {
  return new Set(
    read.items.filter((item) => item.status !== 'cancelled' && !linked.has(item.id)).map((item) => item.id),
  );
}

/**
 * `reads` with the items `list` answers on side `into` that its read left out and whose original (named by
 * `original`) the other side's read lists live.
 */
async function withPairedBeyond<R extends Reads>(
  reads: R,
  into: keyof Reads,
  list: () => Promise<SyncItem[]>,
  original: (item: SyncItem) => string | undefined,
  linked: ReadonlySet<string> = new Set(),
): Promise<R> {
  const originals = unlinkedLive(into === 'sched' ? reads.external : reads.sched, linked);
  if (originals.size === 0) return reads;
  const listed = new Set(reads[into].items.map((item) => item.id));
  const beyond = (await list()).filter((item) => {
    const id = original(item);
    return !listed.has(item.id) && id !== undefined && originals.has(id);
  });
  if (beyond.length === 0) return reads;
  return { ...reads, [into]: { ...reads[into], items: [...reads[into].items, ...beyond] } };
}

/**
 * `reads` with the calendar's events tagged for this connection whose booking (or block) the Sched read lists, that
 * the calendar's read left out: a copy a person moved out of the window while the state DB was lost. Found, it is
 * paired again by its tags like any other, and the run and its preview both see it.
 */
export async function withCalendarCopiesBeyondWindow<R extends Reads>(
  external: CalendarProvider,
  reads: R,
  connectionId: string,
  /** The bookings (and blocks) links name: their copies are known already. */
  linked?: ReadonlySet<string>,
): Promise<R> {
  const { listTagged } = external;
  if (!listTagged) return reads;
  return withPairedBeyond(
    reads,
    'external',
    () => listTagged.call(external, connectionId),
    (item) => item.tags?.bookingId,
    linked,
  );
}

/** `reads` with the Sched items made from events the external read listed unlinked, that the Sched read left out. */
export async function withCopiesBeyondWindow<R extends Reads>(
  sched: CalendarProvider,
  reads: R,
  calendar: CalendarRef,
  /** The events links name: their Sched items are known already. */
  linked?: ReadonlySet<string>,
  /** What `listMadeFrom` answered already, when the caller read it. */
  listed?: readonly SyncItem[],
): Promise<R> {
  const { listMadeFrom } = sched;
  if (!listMadeFrom) return reads;
  return withPairedBeyond(
    reads,
    'sched',
    async () => (listed ? [...listed] : listMadeFrom.call(sched, calendar)),
    (item) => item.source?.eventId,
    linked,
  );
}

/**
 * `reads` with the events, read by id, of the Sched items made from the calendar (`madeFrom`, any date) whose event
 * the calendar's read left out, those items not over before the window starts, and those items with them: the event
 * moved out of the window (while the calendar was disconnected, say), and a remap found after a lost state DB would
 * otherwise leave its booking on the old resource. One `get` per such item.
 */
export async function withOriginalsBeyondWindow<R extends Reads>(
  external: CalendarProvider,
  reads: R,
  madeFrom: readonly SyncItem[],
  window: SyncWindow,
  zone: string,
): Promise<R> {
  const listed = new Set(reads.external.items.map((item) => item.id));
  const inSched = new Set(reads.sched.items.map((item) => item.id));
  const events: SyncItem[] = [];
  const items: SyncItem[] = [];
  for (const item of madeFrom) {
    const eventId = item.source?.eventId;
    if (eventId === undefined || listed.has(eventId) || item.status === 'cancelled') continue;
    if (timeToEpochMs(item.end, zone) < Date.parse(window.start)) continue;
    const event = await external.get(eventId);
    if (!event || event.status === 'cancelled') continue;
    listed.add(eventId);
    events.push(event);
    if (!inSched.has(item.id)) items.push(item);
  }
  if (events.length === 0) return reads;
  return {
    ...reads,
    sched: { ...reads.sched, items: [...reads.sched.items, ...items] },
    external: { ...reads.external, items: [...reads.external.items, ...events] },
  };
}

/**
 * A run's reads with the copies beyond the window of what they list unlinked, on both sides (see the file comment),
 * for a calendar whose history the state DB does not know (it was lost); each side's list is read only when the
 * other side's read lists something unlinked.
 */
export async function withCopiesOfUnlinked<R extends Reads>(
  session: ConnectionSession,
  reads: R,
  links: readonly Link[],
): Promise<R> {
  if (!session.historyUnknown) return reads;
  const { providers, ref } = session;
  const { direction } = session.connection.settings;
  // With links, only a side the direction copies from is worth it: an unlinked item of the other is never copied.
  const any = links.length === 0;
  const linkedEvents = new Set(links.map((link) => link.external.id));
  const linkedBookings = new Set(links.map((link) => link.sched.id));
  const withSched =
    any || direction !== 'sched-to-external'
      ? await withCopiesBeyondWindow(providers.sched, reads, ref, linkedEvents)
      : reads;
  return any || direction !== 'external-to-sched'
    ? withCalendarCopiesBeyondWindow(providers.external, withSched, ref.id, linkedBookings)
    : withSched;
}
