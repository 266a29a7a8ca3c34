/**
 * The journal the engine keeps for undo, read back for people: what a run did to each item (activity details) and
 * what an undo meant to do with an item someone changed since (a conflict an undo made). Read only.
 */
import type { ItemView, RunDetails, RunItem, RunSummary, UndoIntent } from '../../preload/contract';
import { asAfterImage, asBeforeImage } from '../engine/journal-images';
import { LinkStore } from '../engine/link-store';
import { followsItsEvent } from '../engine/undo';
import type { Conflict } from '../store/conflict-repo';
import type { JournalEntry } from '../store/journal-repo';
import { runSummaryOf } from '../store/run-repo';
import type { StateDb } from '../store/state-db';
import { describeTime, type ItemFields } from '../sync';
import { AgentError } from './agent-error';

/** An item's fields as the API shows them (times as "UTC (zone)" or a date). */
export function itemViewOf(id: string, fields: ItemFields, deleted = false): ItemView {
  return {
    id,
    title: fields.title,
    description: fields.description,
    location: fields.location,
    start: describeTime(fields.start),
    end: describeTime(fields.end),
    ...(deleted ? { deleted: true } : {}),
  };
}

/** The item before the write (null for a create, or an image this build cannot read). */
export function beforeOf(entry: JournalEntry): ItemView | null {
  const image = asBeforeImage(entry.before);
  return image ? itemViewOf(image.id, image.fields) : null;
}

/** The item as the write left it (null for a delete). */
export function afterOf(entry: JournalEntry): ItemView | null {
  const image = asAfterImage(entry.after);
  return image ? itemViewOf(image.id, image) : null;
}

const wanted: Record<JournalEntry['action'], UndoIntent['wanted']> = {
  create: 'remove',
  update: 'revert',
  delete: 'restore',
};

/** For a conflict an undo made: what the undo wanted, from the journal of the run it reverted; otherwise undefined. */
export function undoIntentOf(db: StateDb, conflict: Conflict): UndoIntent | undefined {
  if (!conflict.runId || db.runs.get(conflict.runId)?.kind !== 'undo') return undefined;
  const reverted = db.runs.revertedBy(conflict.runId);
  if (!reverted) return undefined;
  // The undo records the side it found changed; an item deleted since leaves both versions empty.
  const side = conflict.schedVersion ? 'sched' : conflict.externalVersion ? 'external' : null;
  const entry = db.journal
    .forRun(reverted.runId)
    .reverse()
    .find(
      (e) =>
        (side === null || e.side === side) &&
        (e.side === 'sched' ? e.bookingId === conflict.bookingId : e.eventId === conflict.eventId),
    );
  if (!entry) return undefined;
  return {
    wanted: wanted[entry.action],
    side: entry.side,
    run_started_at: reverted.startedAt,
    item: entry.action === 'create' ? afterOf(entry) : beforeOf(entry),
  };
}

/** The runs of one connection, or of all, newest first, as the agent API shows them. */
export function runsOf(db: StateDb, calendarId?: string): RunSummary[] {
  return db.runs.list(calendarId ? { connectionId: calendarId } : {}).map(runSummaryOf);
}

/** A run and what it did to each item, in the order it wrote them; `not_found` for an unknown run. */
export function runDetails(db: StateDb, runId: string): RunDetails {
  const run = db.runs.get(runId);
  if (!run) throw new AgentError('not_found', `No run has the id "${runId}".`);
  const links = new LinkStore(db, run.connectionId);
  const items = db.journal.forRun(runId).map((entry): RunItem => {
    const stays =
      entry.undoneAt === null &&
      followsItsEvent(entry, entry.bookingId ? links.byBooking(entry.bookingId) : null);
    const before = beforeOf(entry);
    const after = afterOf(entry);
    const shown = after ?? before;
    return {
      side: entry.side,
      action: entry.action,
      title: shown?.title ?? '',
      start: shown?.start ?? '',
      end: shown?.end ?? '',
      before,
      after,
      undone: entry.undoneAt !== null,
      ...(stays ? { stays } : {}),
    };
  });
  return { run: runSummaryOf(run), items };
}
