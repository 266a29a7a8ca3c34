/**
 * Undoing a run (shared/SYNC.md, "Journal and undo"): its journal walked backwards, deleted items restored, updates
 * reverted to their before-image, created items removed, unless the item changed since the run wrote it (its version
 * is no longer the one the journal recorded); those become conflicts for a person. The item a removed copy was made
 * from is remembered with its content hash, so later runs do not copy it again until a person edits it. A restored
 * item is linked again to its counterpart, or, when that is gone, left unmarked so later runs copy it like any other.
 * A busy block the run moved after its event is left with its event.
 */
import { AppError } from '../errors/app-error';
import type { JournalEntry, RemapBar } from '../store';
import type { Link, LinkKey, SyncItem } from '../sync';
import { fieldsOf, linkSideOf, otherSide, schedKindOf } from '../sync';
import type { ConnectionSession } from './connection-session';
import { asAfterImage, asBeforeImage } from './journal-images';
import type { EngineEvent } from './types';

/** The run cannot be undone: unknown, another connection's, itself an undo, or undone already. */
export class RunNotUndoableError extends AppError {
  constructor(
    readonly runId: string,
    why: string,
  ) {
    super('conflict', `Run ${runId} cannot be undone: ${why}. Nothing was changed.`);
  }
}

/** What undoing needs. */
export interface UndoInput {
  session: ConnectionSession;
  runId: string;
  /** The run that records the undo's own writes and counts. */
  undoRunId: string;
  log: (event: EngineEvent) => void;
}

function keyOfEntry(entry: JournalEntry): LinkKey {
  return { bookingId: entry.bookingId ?? '', eventId: entry.eventId ?? '' };
}

function isLive(item: SyncItem | null): item is SyncItem {
  return item !== null && item.status !== 'cancelled';
}

/** Throws `RunNotUndoableError` unless `runId` is a sync run of this connection not undone yet. */
export function checkUndoable(session: ConnectionSession, runId: string): void {
  const run = session.db.runs.get(runId);
  if (!run || run.connectionId !== session.key)
    throw new RunNotUndoableError(runId, 'no such run for this calendar');
  if (run.kind !== 'sync') throw new RunNotUndoableError(runId, 'it is itself an undo');
  if (run.undoneBy !== null) throw new RunNotUndoableError(runId, 'it was undone already');
  const remap = session.db.remaps.barsUndo(session.key, runId);
  if (remap) throw new RunNotUndoableError(runId, remapReason(remap));
}

/** Why a remap keeps a run from being undone, and what to do instead. */
function remapReason(remap: RemapBar): string {
  const from = remap.from && remap.from !== 'unknown' ? ` from ${remap.from}` : '';
  if (remap.pending) return `the calendar is being remapped${from} to ${remap.to}; sync it first`;
  const back = remap.from && remap.from !== 'unknown' ? ` back to ${remap.from}` : '';
  return `it came before or with the remap of this calendar${from} to ${remap.to} (to take the remap back, change its resource${back})`;
}

/** Reverts what `runId` wrote. Entries already reverted by an interrupted undo are skipped. */
export async function undoRun(input: UndoInput): Promise<void> {
  const { session, runId } = input;
  checkUndoable(session, runId);
  const entries = session.db.journal.forRun(runId).filter((entry) => entry.undoneAt === null);
  for (const entry of entries.reverse()) {
    if (entry.action === 'create') await undoCreate(input, entry);
    else if (entry.action === 'update') await undoUpdate(input, entry);
    else await undoDelete(input, entry);
  }
  session.db.runs.markUndone(runId, input.undoRunId);
}

/** The item changed after the run wrote it: a person decides instead of the undo. */
function changedSince(input: UndoInput, entry: JournalEntry, current: SyncItem | null): void {
  const { session, undoRunId } = input;
  const version = current
    ? {
        id: current.id,
        deleted: false,
        fields: fieldsOf(current),
        version: current.version,
        updated: current.updated,
      }
    : null;
  const conflict = session.db.transaction(() => {
    session.db.runs.addCounts(undoRunId, { conflicts: 1 });
    return session.db.conflicts.record({
      connectionId: session.key,
      kind: 'edit',
      linkId: entry.bookingId ? session.links.rowId(entry.bookingId) : null,
      bookingId: entry.bookingId,
      eventId: entry.eventId,
      [entry.side === 'sched' ? 'schedVersion' : 'externalVersion']: version,
      runId: undoRunId,
    });
  });
  input.log({
    type: 'conflict',
    calendarId: session.key,
    runId: undoRunId,
    kind: 'edit',
    id: String(conflict.id),
  });
}

/** True when the original of the created item `madeId` is linked now to another copy than it. */
function madeAgainSince(input: UndoInput, entry: JournalEntry, madeId: string): boolean {
  const { links } = input.session;
  const link =
    entry.side === 'external'
      ? entry.bookingId
        ? links.byBooking(entry.bookingId)
        : null
      : entry.eventId
        ? links.byEvent(entry.eventId)
        : null;
  return link !== null && link[entry.side].id !== madeId;
}

async function undoCreate(input: UndoInput, entry: JournalEntry): Promise<void> {
  const { session, undoRunId } = input;
  const after = asAfterImage(entry.after);
  if (!after) return;
  const provider = session.providers[entry.side];
  const current = await provider.get(after.id);
  if (isLive(current) && current.version !== after.version) return changedSince(input, entry, current);
  if (!isLive(current) && madeAgainSince(input, entry, after.id)) {
    // The copy is gone already and a later run made the original a new one: that copy is the later run's, and stays
    // linked (dropped, it would stay in the calendar unlinked when its original goes).
    session.db.transaction(() => session.db.journal.markUndone(entry.id));
    return;
  }
  // The original is read before the copy goes: a read that fails then (a refused sign-in) leaves both as they were
  // and the link kept, where failing after the delete would leave the link naming a removed copy, and the next run
  // would take the removal for a person's and remove the original too.
  const originalSide = otherSide(entry.side);
  const originalId = originalSide === 'sched' ? entry.bookingId : entry.eventId;
  const original = originalId ? await session.providers[originalSide].get(originalId) : null;
  if (isLive(current)) await provider.delete(after.id, { ifMatch: current.version });
  session.db.transaction(() => {
    session.links.drop(keyOfEntry(entry));
    // The next run sees the original unlinked; remembering it as it is now keeps it from being copied straight back.
    if (isLive(original)) {
      session.db.undoneCopies.remember({
        connectionId: session.key,
        side: originalSide,
        itemId: original.id,
        contentHash: linkSideOf(original).hash,
        copyId: after.id,
        runId: undoRunId,
      });
    }
    session.db.journal.markUndone(entry.id);
    if (isLive(current)) session.db.runs.addCounts(undoRunId, { deleted: { [entry.side]: 1 } });
  });
}

/**
 * True when the entry moved or renamed a busy block the agent made from the link's event (`link`: the entry's link
 * now): an undo leaves it with its event.
 */
export function followsItsEvent(
  entry: Pick<JournalEntry, 'side' | 'action' | 'bookingId'>,
  link: Pick<Link, 'origin'> | null,
): boolean {
  if (entry.side !== 'sched' || entry.action !== 'update') return false;
  if (!entry.bookingId || schedKindOf(entry.bookingId) !== 'exception') return false;
  return link?.origin === 'external';
}

async function undoUpdate(input: UndoInput, entry: JournalEntry): Promise<void> {
  const { session, undoRunId } = input;
  const before = asBeforeImage(entry.before);
  const after = asAfterImage(entry.after);
  if (!before || !after) return;
  if (followsItsEvent(entry, entry.bookingId ? session.links.byBooking(entry.bookingId) : null)) {
    // A busy block follows its event (SYNC.md, "Availability"): put back where the event no longer is, it would
    // block time the person is free and free time she is busy. The event's own move is hers to undo.
    session.db.transaction(() => session.db.journal.markUndone(entry.id));
    return;
  }
  const provider = session.providers[entry.side];
  const current = await provider.get(after.id);
  if (!isLive(current) || current.version !== after.version) return changedSince(input, entry, current);
  const written = await provider.update(after.id, before.fields, { ifMatch: current.version });
  session.db.transaction(() => {
    const link = entry.bookingId ? session.links.byBooking(entry.bookingId) : null;
    // The reverted side becomes the baseline, so the next run does not copy the other side over it again.
    if (link) session.links.save({ ...link, [entry.side]: linkSideOf(written) });
    session.db.journal.markUndone(entry.id);
    session.db.runs.addCounts(undoRunId, { updated: { [entry.side]: 1 } });
  });
}

async function undoDelete(input: UndoInput, entry: JournalEntry): Promise<void> {
  const { session, runId, undoRunId } = input;
  const before = asBeforeImage(entry.before);
  if (!before) return;
  const side = entry.side;
  const other = side === 'sched' ? 'external' : 'sched';
  const counterpartId = other === 'sched' ? entry.bookingId : entry.eventId;
  const counterpart = counterpartId ? await session.providers[other].get(counterpartId) : null;
  const paired = isLive(counterpart);
  // With its counterpart gone (the cause of the deletion), the restored item is a live item of its side like any a
  // person made: no tags or source, so the next run copies it as the direction says (SYNC.md, "Journal and undo").
  const identity = !paired
    ? {}
    : side === 'external'
      ? { tags: { bookingId: entry.bookingId ?? '', connectionId: session.ref.id } }
      : {
          source: {
            calendarService: session.ref.calendarService,
            calendarId: session.ref.calendarId,
            eventId: entry.eventId ?? '',
          },
        };
  const restored = await session.providers[side].create({
    fields: before.fields,
    idempotencyKey: `undo:${runId}:${entry.id}`,
    ...identity,
  });
  session.db.transaction(() => {
    if (paired) {
      const origin = before.link?.origin ?? 'sched';
      const mine = linkSideOf(restored);
      const theirs = linkSideOf(counterpart);
      session.links.save(
        side === 'sched'
          ? { sched: mine, external: theirs, origin }
          : { sched: theirs, external: mine, origin },
      );
      // A restored event is new to the saved external cursor, like any event the agent creates.
      if (side === 'external') session.links.markUnconfirmed(restored.id);
    }
    session.db.journal.markUndone(entry.id);
    session.db.runs.addCounts(undoRunId, { created: { [side]: 1 } });
  });
}
