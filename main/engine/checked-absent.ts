/**
 * A run's full reads with the linked items they left out asked for by id (absent-linked.ts), on both sides; in a
 * remap run, only the events of the links made from them (their bookings are read by the remap's own plan).
 */
import type { OutboxEntry } from '../store';
import type { Link, Side } from '../sync';
import { withAbsentLinked } from './absent-linked';
import { createOf } from './outbox-intent';
import type { ConnectionSession } from './connection-session';
import type { ChangeReads } from './read-changes';

/**
 * Full reads with the linked items they left out asked for by id (absent-linked.ts). A remap's links name bookings
 * of the old resource, which its own plan reads (connection-session.ts `movingBookings`); their events are read here.
 */
export async function checkedAbsent(
  session: ConnectionSession,
  reads: ChangeReads,
  links: readonly Link[],
): Promise<ChangeReads> {
  const { window, providers } = session;
  const zone = session.connection.resourceTimezone;
  // A link made since the last saved cursor (a crashed run's create, replayed this run before the reads): its partner
  // may be gone, and its day out of the window since the crash, so both its items are asked for.
  const fresh = new Set(session.links.unconfirmed());
  if (session.remapping !== null) {
    // The remap writes the Sched item of every link made from an event (moved, or made again): the event's fate
    // decides it, so one the full read left out (moved or gone out of the window) is asked for by id. A link whose
    // booking the new resource lists (a remap there and back, a resumed remap) is planned as in any run: its event,
    // last synced inside the window, is asked for too, lest a copy moved out of the window read as deleted.
    // A link the remap run itself made before it crashed (replayed now) copies a booking of the new resource: both
    // its items are asked for, as in any run, lest a booking cancelled since out of the window keep its copy.
    const onNewResource = new Set(reads.sched.items.map((item) => item.id));
    const replayed = links.filter((l) => fresh.has(l.external.id) && (l.origin ?? 'sched') === 'sched');
    const asked = links.flatMap((l) => {
      if ((l.origin ?? 'sched') === 'external') return [{ last: l.external, askAnyway: true }];
      const known = onNewResource.has(l.sched.id) || fresh.has(l.external.id);
      return known ? [{ last: l.external, askAnyway: fresh.has(l.external.id) }] : [];
    });
    const [sched, external] = await Promise.all([
      withAbsentLinked(
        providers.sched,
        reads.sched,
        replayed.map((l) => ({ last: l.sched, askAnyway: true })),
        window,
        zone,
      ),
      withAbsentLinked(providers.external, reads.external, asked, window, zone),
    ]);
    return { ...reads, sched, external };
  }
  const listed = (read: ChangeReads['sched']) => new Set(read.items.map((item) => item.id));
  const [schedListed, externalListed] = [listed(reads.sched), listed(reads.external)];
  const [sched, external] = await Promise.all([
    withAbsentLinked(
      providers.sched,
      reads.sched,
      links.map((l) => ({
        last: l.sched,
        askAnyway: externalListed.has(l.external.id) || fresh.has(l.external.id),
      })),
      window,
      zone,
    ),
    withAbsentLinked(
      providers.external,
      reads.external,
      links.map((l) => ({
        last: l.external,
        askAnyway: schedListed.has(l.sched.id) || fresh.has(l.external.id),
      })),
      window,
      zone,
    ),
  ]);
  return { ...reads, sched, external };
}

/**
 * The events a preview's replayed bookings are made from: the run's replay links them as unconfirmed (new to the saved
 * cursor), so its read asks for each one its feed left out (unconfirmed-events.ts), and the preview's read does too.
 * An event made and deleted between two Graph delta reads leaves no trace in the feed.
 */
export function replayedEvents(replays: readonly OutboxEntry[]): string[] {
  return replays.flatMap((entry) => {
    const create = createOf(entry);
    return create?.side === 'sched' ? [create.counterpart.id] : [];
  });
}

/**
 * A preview's replays (the crashed run's creates, which the run sends again before its reads): the original each one
 * copies is asked for by id when a full read leaves it out, as the run asks for the items of the links those replays
 * make (they are new since the last saved cursor). The original may have moved out of the window since the crash.
 */
export async function withReplayOriginals(
  session: ConnectionSession,
  reads: ChangeReads,
  replays: readonly OutboxEntry[],
): Promise<ChangeReads> {
  const creates = replays.flatMap((entry) => createOf(entry) ?? []);
  if (creates.length === 0) return reads;
  const { window, providers } = session;
  const zone = session.connection.resourceTimezone;
  const originals = (side: Side) =>
    creates
      .filter((create) => create.side !== side)
      .map((create) => ({ last: create.counterpart, askAnyway: true }));
  const [sched, external] = await Promise.all([
    withAbsentLinked(providers.sched, reads.sched, originals('sched'), window, zone),
    withAbsentLinked(providers.external, reads.external, originals('external'), window, zone),
  ]);
  return { ...reads, sched, external };
}
