/**
 * A remap asked for, then the state DB lost before its run (docs/sync-rules.md, "Lost state"): the links of the old
 * pairing went with the file, and without them the remap run would leave the agent's bookings on the old resource
 * and book the calendar's events on the new one a second time. The settings file remembers the old resource; from
 * it this finds the old pairing's links again by the agent's tags (relink.ts), in full reads of the old resource and
 * the calendar (with the old resource's copies of any date whose event the window holds, copies-beyond-window.ts),
 * writes nothing to either side, and asks for the remap again, all in one transaction. The items are
 * found whatever their kind (bookings, or exceptions under `inbound_as: busy`), as the old pairing made them.
 */
import type { StateDb } from '../store';
import { otherSide, plan, type Link, type Side } from '../sync';
import { withCopiesBeyondWindow, withOriginalsBeyondWindow } from './copies-beyond-window';
import { ConnectionSession } from './connection-session';
import { readChanges } from './read-changes';
import type { EngineConnection } from './types';

/**
 * A found pair whose sides differ keeps the difference for the remap run to settle: the side the relink chose gets
 * the other side's fields as its baseline, so that run sees it changed and copies it, as the relink would have. A
 * pair the relink could only ask about (an edit conflict, under `manual`) gets, on each side, the other side's fields
 * as its baseline: both read as changed, so the remap run asks about it too rather than take both sides as agreed.
 */
function stillToSettle(link: Link, updated: ReadonlyMap<string, Side>, asked: ReadonlySet<string>): Link {
  const loser = updated.get(link.sched.id);
  if (!loser) {
    if (!asked.has(link.sched.id)) return link;
    const unknown = { version: '', hash: '' };
    return {
      ...link,
      sched: { ...link.sched, ...unknown, fields: link.external.fields },
      external: { ...link.external, ...unknown, fields: link.sched.fields },
    };
  }
  const winner = otherSide(loser);
  return { ...link, [winner]: { ...link[winner], version: '', hash: '', fields: link[loser].fields } };
}

/**
 * `old`: the connection as it was before the remap (its resource the one the copies are on). Returns the number of
 * links found. Nothing is recorded when a read fails, so the next run tries again.
 */
export async function recoverPairing(
  db: StateDb,
  old: EngineConnection,
  toResourceId: string,
  now: string,
): Promise<number> {
  db.connections.ensure(old.calendarId);
  const session = new ConnectionSession(db, old, now);
  const windowReads = await readChanges({
    providers: session.providers,
    cursors: { sched: null, external: null },
    stateLost: true,
    window: session.window,
    unconfirmed: [],
  });
  // A copy a person moved out of the window is not in the window's read: without it the remap run would not move it,
  // and would book its event on the new resource a second time (copies-beyond-window.ts).
  const { sched, external } = session.providers;
  const madeFrom = sched.listMadeFrom ? await sched.listMadeFrom(session.ref) : [];
  const copies = await withCopiesBeyondWindow(sched, windowReads, session.ref, undefined, madeFrom);
  // And a booking whose event a person moved out of the window (while disconnected): its event is read by id.
  const zone = session.connection.resourceTimezone;
  const reads = await withOriginalsBeyondWindow(external, copies, madeFrom, session.window, zone);
  // The plain plan: the pairing is found as the agent left it, whatever `inbound_as` says now (a change of it before
  // the remap run is that run's to convert; `session.plan` would count the found items as ones to convert instead).
  const planned = plan(
    session.planInput({ state: session.state(), sched: reads.sched, external: reads.external }),
  );
  const updated = new Map<string, Side>();
  const asked = new Set<string>();
  for (const action of planned.actions) {
    if (action.type === 'update' && action.link) updated.set(action.link.bookingId, action.side);
    if (action.type === 'conflict') asked.add(action.link.bookingId);
  }
  const found = planned.actions.flatMap((action) =>
    action.type === 'link' && action.reason === 'relink' ? [stillToSettle(action.link, updated, asked)] : [],
  );
  db.transaction(() => {
    for (const link of found) session.links.save(link);
    db.remaps.remember(old.calendarId, old.resourceId);
    db.remaps.request(old.calendarId, old.resourceId, toResourceId);
  });
  return found.length;
}
