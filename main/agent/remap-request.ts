/**
 * When changing a connection is a remap (shared/SYNC.md, "Changing a connection"), and remembering it: the state
 * DB keeps which resource each connection's state mirrors, so a calendar connected again to another resource is
 * remapped too, while one connected again to the same resource resumes where it was.
 */
import type { StateDb } from '../store/state-db';

/**
 * Marks the next run of `calendarId` a remap run from `from` to `to` (nothing when they are the same). A connection
 * that never synced (`neverSynced`: still waiting for its first run, nothing linked, no write begun, no remap
 * waiting) has no old pairing to undo: it is simply paired with `to`, and its first run is an ordinary one, keyed as every later run
 * expects (a lost state DB then finds its copies by their first keys).
 */
export function requestRemap(
  db: StateDb,
  calendarId: string,
  from: string,
  to: string,
  neverSynced = false,
): void {
  if (from === to) return;
  db.transaction(() => {
    db.connections.ensure(calendarId);
    // A remap already waiting (the connect found an old pairing: state left from before, or a state DB lost since
    // the disconnect) has that pairing to undo, links or not: the new request keeps where it started.
    const fresh =
      neverSynced &&
      db.remaps.pendingSince(calendarId) === null &&
      db.links.count(calendarId) === 0 &&
      db.outbox.unfinished(calendarId).length === 0;
    if (fresh) db.remaps.pairAfresh(calendarId, to);
    else db.remaps.request(calendarId, from, to);
  });
}

/**
 * Pairs a calendar being connected with `resourceId`. State left from an earlier connection of the same calendar to
 * another resource (or of a resource not recorded, from before remaps were remembered) makes the next run a remap
 * run; the same resource resumes its old state (reading the window once, for settings that copy more); no state at
 * all is a fresh pairing.
 */
export function pairOnConnect(
  db: StateDb,
  calendarId: string,
  resourceId: string,
  /** The resource the settings file says the calendar mirrored before it was disconnected (`formerResource`). */
  former: string | null = null,
): void {
  db.transaction(() => {
    db.connections.ensure(calendarId);
    // A state DB lost since the disconnect: the settings file still knows where the old pairing's copies are.
    if (db.remaps.pairing(calendarId) === null && former !== null) db.remaps.remember(calendarId, former);
    const pairing = db.remaps.pairing(calendarId);
    // Resuming: the settings may differ from the old connection's (a direction that copies a side the old one left
    // alone), so the next run reads the window once by time besides the saved cursors.
    if (pairing?.resourceId === resourceId) return db.coveredWindows.coverNothing(calendarId);
    if (pairing) db.remaps.request(calendarId, pairing.resourceId, resourceId);
    else if (db.links.count(calendarId) > 0) db.remaps.request(calendarId, 'unknown', resourceId);
    else {
      // A calendar this state DB never knew: from here on it holds every key the calendar's creates use.
      db.remaps.remember(calendarId, resourceId);
      db.remaps.markKeysKnown(calendarId);
    }
  });
}
