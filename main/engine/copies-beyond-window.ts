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
import type { SideRead } from '../sync';

/**
 * `reads` with the calendar's events tagged for this connection whose booking (or block) the Sched read lists, that
 * the calendar's read left out: a copy a person moved out of the window while the state DB was lost. Found, it is
 * paired again by its tags like any other, and the run and its preview both see it.
 */
export async function withCalendarCopiesBeyondWindow<R extends { sched: SideRead; external: SideRead }>(
  external: CalendarProvider,
  reads: R,
  connectionId: string,
): Promise<R> {
  if (!external.listTagged) return reads;
  const originals = new Set(
    reads.sched.items.filter((item) => item.status !== 'cancelled').map((item) => item.id),
  );
  if (originals.size === 0) return reads;
  const listed = new Set(reads.external.items.map((item) => item.id));
  const beyond = (await external.listTagged(connectionId)).filter(
    (item) => !listed.has(item.id) && item.tags !== undefined && originals.has(item.tags.bookingId),
  );
  if (beyond.length === 0) return reads;
  return { ...reads, external: { ...reads.external, items: [...reads.external.items, ...beyond] } };
}

/** `reads` with the Sched items made from events the external read listed, that the Sched read left out. */
export async function withCopiesBeyondWindow<R extends { sched: SideRead; external: SideRead }>(
  sched: CalendarProvider,
  reads: R,
  calendar: CalendarRef,
): Promise<R> {
  if (!sched.listMadeFrom) return reads;
  const events = new Set(
    reads.external.items.filter((item) => item.status !== 'cancelled').map((item) => item.id),
  );
  if (events.size === 0) return reads;
  const listed = new Set(reads.sched.items.map((item) => item.id));
  const beyond = (await sched.listMadeFrom(calendar)).filter(
    (item) => !listed.has(item.id) && item.source !== undefined && events.has(item.source.eventId),
  );
  if (beyond.length === 0) return reads;
  return { ...reads, sched: { ...reads.sched, items: [...reads.sched.items, ...beyond] } };
}
