/**
 * Sched refuses a booking on a taken slot (409 `slot_unavailable`; shared/SYNC.md, "Conflicts"), and the run records
 * the refusal as an overlap conflict instead of the write. A preview predicts those refusals the way Sched decides
 * them: from the confirmed bookings over the slots the plan's bookings would take, in the order the run writes.
 */
import type { Action, CreateAction, Plan, SideRead, Span, SyncItem } from '../sync';
import {
  cancelInsteadOfMove,
  countActions,
  followsCancelledMove,
  inboundKind,
  isMove,
  schedKindOf,
  spanOf,
  spansOverlap,
} from '../sync';
import type { ConnectionSession } from './connection-session';

type SchedWrite = Extract<Action, { type: 'create' | 'update' }> & { side: 'sched' };

const isSchedWrite = (action: Action): action is SchedWrite =>
  (action.type === 'create' || action.type === 'update') && action.side === 'sched' && !action.allowOverlap;

/**
 * A write the plan makes after a replayed create Sched refuses (`refused`: the creates by their stand-in's id). The
 * run's replay records the refusal, and its plan then sees that event afresh: an update of the stand-in is the
 * event's create with the update's fields, and whatever else the plan writes of the stand-in goes. Null: dropped.
 */
function afterRefusedReplay(action: Action, refused: ReadonlyMap<string, CreateAction>): Action | null {
  if (refused.size === 0) return action;
  const create = action.type === 'update' && action.side === 'sched' ? refused.get(action.id) : undefined;
  if (create) return { ...create, fields: (action as SchedWrite).fields };
  return followsCancelledMove(action, new Set(refused.keys())) ? null : action;
}

/** The confirmed bookings over `span`: the read itself when it was a full one, else one time-bounded read. */
async function bookingsOver(
  session: ConnectionSession,
  read: SideRead,
  span: Span,
): Promise<readonly SyncItem[]> {
  if (read.full) return read.items;
  const window = { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() };
  return (await session.providers.sched.listChanges({ cursor: null, window })).items;
}

/** The crashed run's creates a plan starts with (replay-preview.ts): their items' ids, and those no read shows made. */
export interface ReplayedCreates {
  /** The id of each replayed create's item as the plan knows it (found again, or a stand-in). */
  ids: readonly string[];
  /** Indexes of the creates never sent before the crash. */
  unseen: readonly number[];
}

/**
 * The plan with each Sched write Sched would refuse taken out and counted as the conflict the run records. The first
 * actions replay a crashed run's creates (`replayed`): the key of one the reads show made finds it, so Sched does not
 * check it; those `unseen` were never sent before the crash, and Sched checks them like any booking. A later update of
 * a replayed item is checked against every slot but its own.
 */
export async function withSlotRefusals(
  session: ConnectionSession,
  planned: Plan,
  read: SideRead,
  replayed: ReplayedCreates = { ids: [], unseen: [] },
): Promise<Plan> {
  const replays = replayed.ids.length;
  const { unseen } = replayed;
  // Sched lets an availability exception overlap anything: under `busy` an event's create is one, and is not checked.
  const blocks = inboundKind(session.connection.settings.inbound_as) === 'exception';
  const isBlock = (action: SchedWrite) =>
    action.type === 'create' ? blocks : schedKindOf(action.id) === 'exception';
  const checked = (index: number) => index >= replays || unseen.includes(index);
  const writes = planned.actions.filter(
    (action, index): action is SchedWrite => isSchedWrite(action) && checked(index) && !isBlock(action),
  );
  if (writes.length === 0) return planned;
  const zone = session.connection.resourceTimezone;
  const spans = writes.map((action) => spanOf(action.fields, zone));
  const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  const slots = new Map<string, Span>();
  for (const booking of await bookingsOver(session, read, span))
    if (booking.status === 'confirmed') slots.set(booking.id, spanOf(booking, zone));
  const kept: Action[] = [];
  const cancelled = new Set<string>();
  const refusedReplays = new Map<string, CreateAction>();
  let refused = 0;
  for (const [index, planAction] of planned.actions.entries()) {
    const action = afterRefusedReplay(planAction, refusedReplays);
    if (action === null || followsCancelledMove(action, cancelled)) continue;
    if (action.type === 'delete' && action.side === 'sched') slots.delete(action.id);
    if (!isSchedWrite(action) || !checked(index) || isBlock(action)) {
      kept.push(action);
      continue;
    }
    const replay = index < replays ? replayed.ids[index] : undefined;
    const id = action.type === 'update' ? action.id : (replay ?? `planned:${index}`);
    const slot = spanOf(action.fields, zone);
    const taken = [...slots].some(([other, s]) => other !== id && spansOverlap(s, slot));
    if (taken) {
      refused += 1;
      if (replay !== undefined && action.type === 'create') refusedReplays.set(replay, action);
      // A remap's refused move cancels the booking on the old resource instead (action-applier.ts `moveRefused`).
      // The run then drops what the plan would still write of that booking (its copy in the calendar, say).
      if (action.type === 'update' && isMove(action)) {
        kept.push(cancelInsteadOfMove(action));
        cancelled.add(action.id);
      }
      continue;
    }
    slots.set(id, slot);
    kept.push(action);
  }
  if (refused === 0) return planned;
  const counts = countActions(kept);
  return { ...planned, actions: kept, counts: { ...counts, conflicts: counts.conflicts + refused } };
}
