/**
 * The one synchronous transaction after each remote write (main/sync/actions.ts): it stores or drops the link,
 * journals what the write changed (the before-image undo restores), finishes the write's intent and bumps the run's
 * counts. All of it or none of it: a crash before the commit leaves the intent for `recover`.
 */
import type { OutboxEntry } from '../store';
import {
  linkAfterWrite,
  otherSide,
  type CreateAction,
  type DeleteAction,
  type Link,
  type SyncItem,
  type UpdateAction,
} from '../sync';
import type { ApplyContext } from './apply-context';
import type { BeforeImage } from './journal-images';

/** Commits a create that made `written`, linked as `link` (which replaces `action.replaces`, when set). */
export function commitCreate(
  context: ApplyContext,
  action: CreateAction,
  entry: OutboxEntry,
  written: SyncItem,
  link: Link,
): void {
  const { db, links, runId } = context;
  db.transaction(() => {
    if (action.replaces) links.drop(action.replaces);
    links.save(link);
    // The saved external cursor predates this event and may never report its deletion (Graph's delta): an event
    // the agent just made, or an imported one seen only by a read whose cursor may never be saved (the run may
    // crash or stop short). A run that saves its cursor confirms what its feed listed (engine.ts `confirmedBy`).
    links.markUnconfirmed(link.external.id);
    // The original has a copy again (it changed after an undo, or a person chose to import it): forget the undo.
    db.undoneCopies.forget(context.calendarId, otherSide(action.side), action.counterpart.id);
    db.journal.append({
      runId,
      side: action.side,
      action: 'create',
      bookingId: link.sched.id,
      eventId: link.external.id,
      after: written,
    });
    db.outbox.markDone(entry.id);
    db.runs.addCounts(runId, { created: { [action.side]: 1 } });
  });
}

/** Commits an update that left `written`; the journal keeps the fields it replaced. */
export function commitUpdate(
  context: ApplyContext,
  action: UpdateAction,
  entry: OutboxEntry,
  written: SyncItem,
): void {
  const { db, links, runId } = context;
  const before: BeforeImage = { id: action.id, fields: action.before };
  db.transaction(() => {
    links.save(linkAfterWrite(action, written));
    db.journal.append({
      runId,
      side: action.side,
      action: 'update',
      bookingId: action.link.bookingId,
      eventId: action.link.eventId,
      before,
      after: written,
    });
    db.outbox.markDone(entry.id);
    db.runs.addCounts(runId, { updated: { [action.side]: 1 } });
  });
}

/** Commits a delete; the journal keeps the deleted fields and the link, so an undo can pair the item again. */
export function commitDelete(context: ApplyContext, action: DeleteAction, entry: OutboxEntry): void {
  const { db, links, runId } = context;
  const link = links.byBooking(action.link.bookingId);
  const before: BeforeImage = { id: action.id, fields: action.before, ...(link ? { link } : {}) };
  db.transaction(() => {
    links.drop(action.link);
    db.journal.append({
      runId,
      side: action.side,
      action: 'delete',
      bookingId: action.link.bookingId,
      eventId: action.link.eventId,
      before,
    });
    db.outbox.markDone(entry.id);
    db.runs.addCounts(runId, { deleted: { [action.side]: 1 } });
  });
}
