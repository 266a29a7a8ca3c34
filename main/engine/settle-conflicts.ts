/**
 * Conflicts that leave the list by themselves (shared/SYNC.md, "Conflicts"): a double booking whose taken slot was
 * freed is tried again, and at the end of a run every open conflict that a later change settled is closed with the
 * outcome `settled`: its items are gone on both sides, its event got its booking, or its link was written or
 * unlinked since (the move went through, the two sides became equal, both were deleted).
 */
import { isMovedOverlap, type Conflict } from '../store';
import type {
  Action,
  HeldOverlap,
  ItemFields,
  ItemTime,
  Link,
  Plan,
  Side,
  SideRead,
  SyncItem,
  SyncState,
} from '../sync';
import { fieldDifferences, sharedFieldNames, timesOverlap } from '../sync';
import type { ConnectionSession } from './connection-session';
import type { EngineEvent } from './types';

/** The booking holding the slot, as the double booking recorded it (its id, and its version then). */
function takenBooking(conflict: Conflict): { id: string; version: string | null } | null {
  const version = conflict.schedVersion as { id?: unknown; version?: unknown } | null;
  if (typeof version?.id !== 'string') return null;
  return { id: version.id, version: typeof version.version === 'string' ? version.version : null };
}

/** The event version Sched refused, as the double booking recorded it. */
function refusedVersion(conflict: Conflict): string | null {
  const version = conflict.externalVersion as { version?: unknown } | null;
  return typeof version?.version === 'string' ? version.version : null;
}

function reports(read: SideRead, id: string): boolean {
  return read.items.some((item) => item.id === id) || (read.deleted ?? []).includes(id);
}

/** True when the read says the item is gone: deleted, cancelled, or missing from a full read. */
function reportsGone(read: SideRead, id: string): boolean {
  const item = read.items.find((candidate) => candidate.id === id);
  if (item) return item.status === 'cancelled';
  return (read.deleted ?? []).includes(id) || read.full === true;
}

/** The instant or date a time names, comparable across the forms services write it in. */
const moment = (time: ItemTime): string => (time.kind === 'date' ? time.date : String(Date.parse(time.utc)));

/** True when the taken booking's times differ from those the double booking recorded (or none were recorded). */
function movedSince(conflict: Conflict, item: SyncItem): boolean {
  const recorded = (conflict.schedVersion as { fields?: Pick<ItemFields, 'start' | 'end'> } | null)?.fields;
  if (!recorded?.start || !recorded.end) return true;
  return moment(item.start) !== moment(recorded.start) || moment(item.end) !== moment(recorded.end);
}

/**
 * True when Sched's read shows the booking in the way of a new event's double booking moved or went since it was
 * recorded (moved, cancelled, gone), so the slot may be free; when Sched named no booking, when any booking went. A
 * booking only renamed or described anew still holds the slot: the event is not sent again for Sched to refuse.
 */
function slotMayBeFree(conflict: Conflict, read: SideRead): boolean {
  const taken = takenBooking(conflict);
  if (!taken)
    return (read.deleted ?? []).length > 0 || read.items.some((item) => item.status === 'cancelled');
  if (reportsGone(read, taken.id)) return true;
  const item = read.items.find((candidate) => candidate.id === taken.id);
  return item !== undefined && item.version !== taken.version && movedSince(conflict, item);
}

const isNewEventOverlap = (conflict: Conflict): boolean =>
  conflict.kind === 'overlap' && !isMovedOverlap(conflict) && conflict.eventId !== null;

/**
 * The events of this connection's open double bookings whose slot this run's read shows still taken, at the version
 * Sched refused: the plan does not send them again until the event or the booking in its way changes.
 */
export function heldOverlaps(session: ConnectionSession, sched: SideRead): HeldOverlap[] {
  return session.db.conflicts
    .open(session.key)
    .filter((conflict) => isNewEventOverlap(conflict) && !slotMayBeFree(conflict, sched))
    .flatMap((conflict) => {
      const version = refusedVersion(conflict);
      return version === null ? [] : [{ eventId: conflict.eventId ?? '', version }];
    });
}

/** The event's times as the double booking recorded them, at the version Sched refused. */
function refusedTimes(conflict: Conflict): Pick<ItemFields, 'start' | 'end'> | null {
  const fields = (conflict.externalVersion as { fields?: Partial<ItemFields> } | null)?.fields;
  return fields?.start && fields.end ? { start: fields.start, end: fields.end } : null;
}

/**
 * The events of open double bookings this plan frees: it cancels the booking in the way (or any booking, when Sched
 * named none), or moves that booking to times that no longer meet the event's.
 */
function freedEvents(session: ConnectionSession, planned: Plan): Set<string> {
  const cancelled = new Set<string>();
  const moved = new Map<string, Pick<ItemFields, 'start' | 'end'>>();
  for (const action of planned.actions) {
    if (action.type === 'delete' && action.side === 'sched') cancelled.add(action.id);
    if (action.type === 'update' && action.side === 'sched') moved.set(action.id, action.fields);
  }
  const zone = session.connection.resourceTimezone;
  const frees = (conflict: Conflict): boolean => {
    const taken = takenBooking(conflict);
    if (taken === null) return cancelled.size > 0;
    if (cancelled.has(taken.id)) return true;
    const to = moved.get(taken.id);
    const event = refusedTimes(conflict);
    return to !== undefined && event !== null && !timesOverlap(to, event, zone);
  };
  return new Set(
    session.db.conflicts
      .open(session.key)
      .filter((conflict) => isNewEventOverlap(conflict) && frees(conflict))
      .map((conflict) => conflict.eventId ?? ''),
  );
}

/**
 * The plan again when it frees the slot of a double booking it holds: it cancels the booking in the way (its copy
 * was deleted in the calendar, say) or moves it off the slot (its copy was moved). The run sends that write before it
 * books new events, so the held event is tried again in the same run rather than the next. `planWith` plans with the
 * overlaps still held and the calendar's read; an event this run's read left out (unchanged since) is read by id, one
 * `get` each.
 */
export async function replannedForFreedSlots(
  session: ConnectionSession,
  planned: Plan,
  held: readonly HeldOverlap[],
  external: SideRead,
  planWith: (held: HeldOverlap[], external: SideRead) => Plan,
): Promise<Plan> {
  if (held.length === 0) return planned;
  const freed = freedEvents(session, planned);
  const still = held.filter((overlap) => !freed.has(overlap.eventId));
  if (still.length === held.length) return planned;
  const items = [...external.items];
  for (const { eventId } of held) {
    if (!freed.has(eventId) || reports(external, eventId)) continue;
    const event = await session.providers.external.get(eventId);
    if (event) items.push(event);
  }
  return planWith(still, { ...external, items });
}

type Reads = Record<Side, SideRead>;

/**
 * True for an undo's conflict (it shows one side only: the item the undo would have reverted, changed since) whose
 * item this run's read shows gone: a person removed it, so nothing is left to decide.
 */
function oneSidedAndGone(conflict: Conflict, reads: Reads): boolean {
  if (conflict.kind !== 'edit') return false;
  const sched = conflict.schedVersion !== null;
  const external = conflict.externalVersion !== null;
  if (sched === external) return false;
  const id = sched ? conflict.bookingId : conflict.eventId;
  return id !== null && reportsGone(reads[sched ? 'sched' : 'external'], id);
}

/**
 * The state with the links of the undo conflicts this run's reads settle no longer held for a person: the plan then
 * syncs what the removal means (the copy of a cancelled booking goes), and the run closes the conflict.
 */
export function withGoneUndoConflicts(session: ConnectionSession, state: SyncState, reads: Reads): SyncState {
  const gone = session.db.conflicts
    .open(session.key)
    .filter((conflict) => oneSidedAndGone(conflict, reads))
    .map((conflict) => conflict.bookingId);
  if (gone.length === 0) return state;
  return {
    ...state,
    conflictedBookingIds: (state.conflictedBookingIds ?? []).filter((id) => !gone.includes(id)),
  };
}

/** What to re-read besides this run's reads so the plan can tell whether an open conflict settled. */
function rereadsFor(session: ConnectionSession, reads: Reads): { side: Side; id: string }[] {
  const wanted: { side: Side; id: string }[] = [];
  for (const conflict of session.db.conflicts.open(session.key)) {
    if (isNewEventOverlap(conflict)) {
      // A double booking whose taken booking changed (cancelled, moved): try the event again.
      if (slotMayBeFree(conflict, reads.sched)) wanted.push({ side: 'external', id: conflict.eventId ?? '' });
    } else if (conflict.kind === 'edit' && conflict.bookingId) {
      // An edit conflict one side of which changed again: the other side's current version shows if they agree now.
      const link = session.links.byBooking(conflict.bookingId);
      if (!link) continue;
      if (reports(reads.sched, link.sched.id)) wanted.push({ side: 'external', id: link.external.id });
      if (reports(reads.external, link.external.id)) wanted.push({ side: 'sched', id: link.sched.id });
    }
  }
  return wanted.filter(({ side, id }) => !reports(reads[side], id));
}

/**
 * This run's reads with what open conflicts need added (shared/SYNC.md: a conflict a later change settled leaves the
 * list): the event of a double booking whose taken booking changed in Sched's read, so the plan imports it again and
 * Sched says whether the slot is free now; and the other side of an edit conflict one side of which changed again.
 * Each costs one `get`, and only when such a change was read.
 */
export async function withConflictRereads(session: ConnectionSession, reads: Reads): Promise<Reads> {
  const next: { [S in Side]: { items: SyncItem[]; deleted: string[] } } = {
    sched: { items: [...reads.sched.items], deleted: [...(reads.sched.deleted ?? [])] },
    external: { items: [...reads.external.items], deleted: [...(reads.external.deleted ?? [])] },
  };
  const wanted = rereadsFor(session, reads);
  if (wanted.length === 0) return reads;
  for (const { side, id } of wanted) {
    if (reports(next[side], id)) continue;
    const item = await session.providers[side].get(id);
    if (item) next[side].items.push(item);
    else next[side].deleted.push(id);
  }
  return { sched: { ...reads.sched, ...next.sched }, external: { ...reads.external, ...next.external } };
}

/** The links this run changed, by booking id: written (journal) or unlinked, and stored again without a write. */
interface Touched {
  written: Set<string>;
  stored: Set<string>;
}

function touchedBy(session: ConnectionSession, runId: string, actions: readonly Action[]): Touched {
  const touched: Touched = { written: new Set(), stored: new Set() };
  for (const entry of session.db.journal.forRun(runId))
    if (entry.bookingId) touched.written.add(entry.bookingId);
  for (const action of actions) {
    if (action.type === 'link') touched.stored.add(action.link.sched.id);
    if (action.type === 'unlink') touched.written.add(action.link.bookingId);
  }
  return touched;
}

/** True when both sides of the stored link hold the same values in every field both can hold. */
function sidesAgree(session: ConnectionSession, link: Link): boolean {
  const fields = sharedFieldNames(session.capabilities);
  return fieldDifferences(link.sched.fields, link.external.fields, fields).length === 0;
}

/**
 * A new event's double booking: the event got its booking, or is gone. A moved event's: its link was written (the
 * move went through, or the event followed its booking) or dropped. An edit conflict's: its link was dropped, or
 * stored again with both sides equal. A mere refresh of a moved event's link (a version moved on) settles nothing.
 */
function isSettled(
  session: ConnectionSession,
  conflict: Conflict,
  touched: Touched,
  external: SideRead,
): boolean {
  if (conflict.kind === 'overlap' && !isMovedOverlap(conflict)) {
    const eventId = conflict.eventId ?? '';
    return session.links.byEvent(eventId) !== null || reportsGone(external, eventId);
  }
  const bookingId = conflict.bookingId ?? '';
  const link = session.links.byBooking(bookingId);
  if (!link || touched.written.has(bookingId)) return true;
  return conflict.kind === 'edit' && touched.stored.has(bookingId) && sidesAgree(session, link);
}

/**
 * Closes, as `settled`, the open conflicts of this connection that the run's changes settled. A conflict this run
 * recorded or refreshed is still the person's to answer, unless it is a double booking whose event the run booked.
 */
export function settleConflicts(
  session: ConnectionSession,
  runId: string,
  actions: readonly Action[],
  external: SideRead,
  log: (event: EngineEvent) => void,
): void {
  const touched = touchedBy(session, runId, actions);
  for (const conflict of session.db.conflicts.open(session.key)) {
    // Except a double booking whose event this run booked after all (a crashed run's replay was refused at the
    // event's old time, and the plan booked it at its new one).
    const booked = isNewEventOverlap(conflict) && session.links.byEvent(conflict.eventId ?? '') !== null;
    if ((conflict.runId === runId && !booked) || !isSettled(session, conflict, touched, external)) continue;
    if (session.db.conflicts.resolve(conflict.id, 'settled')) {
      log({
        type: 'conflict-settled',
        calendarId: session.key,
        runId,
        kind: conflict.kind,
        id: String(conflict.id),
      });
    }
  }
}
