/**
 * Copies a person moved out of the window while the state DB was lost (shared/SYNC.md, "Identity: never a
 * duplicate"; docs/sync-rules.md, "Lost state"). The resync pairs items again by their tags and `source`, but a full
 * read lists only the window: a booking made from an event still in the window, since moved out of it, is not there,
 * and the event would be booked a second time (under `inbound_as: busy` after a switch, blocked as well as booked).
 * So a run that finds no links, for a calendar whose history the state DB does not know, reads once every Sched item
 * made from the calendar's events, of either kind and wherever in time, and adds those whose event the calendar's read
 * listed. A new connection's first run (its history known: nothing was made from it yet) and every later run skip it.
 * The calendar side is read the same way, by the connection's tag: an event copy moved out of the window would
 * otherwise be found only by its create's key, so the run would relink it where the preview predicted a create.
 */
import type { CalendarProvider, CalendarRef } from '../providers/port';
import type { SideRead, SyncItem } from '../sync';

type Reads = { sched: SideRead; external: SideRead };

/**
 * `reads` with the items `list` answers on side `into` that its read left out and whose original (named by
 * `original`) the other side's read lists live.
 */
async function withPairedBeyond<R extends Reads>(
  reads: R,
  into: keyof Reads,
  list: () => Promise<SyncItem[]>,
  original: (item: SyncItem) => string | undefined,
): Promise<R> {
  const other = into === 'sched' ? reads.external : reads.sched;
  const originals = new Set(other.items.filter((item) => item.status !== 'cancelled').map((item) => item.id));
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
): Promise<R> {
  const { listTagged } = external;
  if (!listTagged) return reads;
  return withPairedBeyond(
    reads,
    'external',
    () => listTagged.call(external, connectionId),
    (item) => item.tags?.bookingId,
  );
}

/** `reads` with the Sched items made from events the external read listed, that the Sched read left out. */
export async function withCopiesBeyondWindow<R extends Reads>(
  sched: CalendarProvider,
  reads: R,
  calendar: CalendarRef,
): Promise<R> {
  const { listMadeFrom } = sched;
  if (!listMadeFrom) return reads;
  return withPairedBeyond(
    reads,
    'sched',
    () => listMadeFrom.call(sched, calendar),
    (item) => item.source?.eventId,
  );
}
