/**
 * Conflicts the applier records for a person to settle (shared/SYNC.md, conflicts): both sides edited one linked
 * pair, or Sched refused an event's slot because another booking holds it (409).
 */
import type { SlotUnavailableError } from '../providers/port';
import type { OutboxEntry } from '../store';
import type { Action, CreateAction, Link, UpdateAction } from '../sync';
import { fieldsOf } from '../sync';
import type { ApplyContext } from './apply-context';

/** Records an edit conflict of a linked pair and counts it on the run. */
export function recordEditConflict(
  context: ApplyContext,
  action: Extract<Action, { type: 'conflict' }>,
): void {
  const { db, links, calendarId, runId } = context;
  const conflict = db.transaction(() => {
    const recorded = db.conflicts.record({
      connectionId: calendarId,
      kind: 'edit',
      linkId: links.rowId(action.link.bookingId),
      bookingId: action.link.bookingId,
      eventId: action.link.eventId,
      schedVersion: action.sched,
      externalVersion: action.external,
      runId,
    });
    db.runs.addCounts(runId, { conflicts: 1 });
    return recorded;
  });
  context.log({ type: 'conflict', calendarId, runId, kind: 'edit', id: String(conflict.id) });
}

/**
 * Sched refused the slot (409): gives up the create's intent and records an overlap conflict for the person, unless
 * they said to skip this event. The booking holding the slot is shown beside it when it can still be read.
 */
export async function recordOverlap(
  context: ApplyContext,
  action: Pick<CreateAction, 'counterpart'> & Partial<Pick<CreateAction, 'replaces'>>,
  error: SlotUnavailableError,
  entry: OutboxEntry,
): Promise<void> {
  const { db, links, calendarId, runId } = context;
  const eventId = action.counterpart.id;
  const taken = error.conflictingBookingId
    ? await context.providers.sched.get(error.conflictingBookingId).catch(() => null)
    : null;
  const conflict = db.transaction(() => {
    db.outbox.abandon(entry.id, error.message);
    // A booking made again for its event (one cancelled in Sched, under `external-to-sched`): its link names the
    // cancelled booking, which would pass for the event's booking. Dropped, the event stands alone like any new one,
    // held by its double booking until the slot is free or the person answers.
    if (action.replaces) links.drop(action.replaces);
    if (db.conflicts.isOverlapSkipped(calendarId, eventId)) return null;
    db.runs.addCounts(runId, { conflicts: 1 });
    return db.conflicts.record({
      connectionId: calendarId,
      kind: 'overlap',
      eventId,
      schedVersion: taken ? { id: taken.id, fields: fieldsOf(taken), version: taken.version } : null,
      externalVersion: {
        id: eventId,
        fields: action.counterpart.fields,
        version: action.counterpart.version,
      },
      runId,
    });
  });
  if (conflict)
    context.log({ type: 'conflict', calendarId, runId, kind: 'overlap', id: String(conflict.id) });
}

/**
 * Sched refused to move an imported booking where its event moved (409): gives up the update's intent and records an
 * overlap conflict for that link. The link keeps its baseline, so the person's choice (or a later change) settles it;
 * a second refusal of the same link refreshes the open conflict instead of adding one.
 */
export async function recordMovedOverlap(
  context: ApplyContext,
  action: UpdateAction,
  error: SlotUnavailableError,
  entry: OutboxEntry,
  relinked: Link | null = null,
): Promise<void> {
  const { db, links, calendarId, runId } = context;
  const taken = error.conflictingBookingId
    ? await context.providers.sched.get(error.conflictingBookingId).catch(() => null)
    : null;
  const conflict = db.transaction(() => {
    db.outbox.abandon(entry.id, error.message);
    // A pair found again by its tags waited for this update to store its link: stored now, without a baseline, so the
    // conflict has its link and the person's choice (or a later change) settles the difference.
    if (relinked && links.rowId(action.link.bookingId) === null) links.save(relinked);
    db.runs.addCounts(runId, { conflicts: 1 });
    return db.conflicts.record({
      connectionId: calendarId,
      kind: 'overlap',
      linkId: links.rowId(action.link.bookingId),
      bookingId: action.link.bookingId,
      eventId: action.link.eventId,
      schedVersion: taken ? { id: taken.id, fields: fieldsOf(taken), version: taken.version } : null,
      externalVersion: {
        id: action.counterpart.id,
        fields: action.counterpart.fields,
        version: action.counterpart.version,
      },
      runId,
    });
  });
  context.log({ type: 'conflict', calendarId, runId, kind: 'overlap', id: String(conflict.id) });
}
