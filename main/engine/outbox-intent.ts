/**
 * The outbox intent recorded before every remote write (main/sync/actions.ts): what a crashed run left unfinished is
 * found from it, and a create's idempotency key lets the replay find the item instead of making it twice.
 */
import type { OutboxEntry } from '../store';
import type { CreateAction, DeleteAction, LinkKey, PrivacyMode, SchedKind, UpdateAction } from '../sync';
import type { ApplyContext } from './apply-context';

/** A write the outbox tracks. */
export type WriteAction = CreateAction | UpdateAction | DeleteAction;

/** The ids an intent is filed under: the link for updates and deletes, the counterpart's id for creates. */
function idsOf(action: WriteAction): Partial<LinkKey> {
  if (action.type !== 'create') return action.link;
  return action.side === 'external'
    ? { bookingId: action.counterpart.id }
    : { eventId: action.counterpart.id };
}

/**
 * A create keeps its side's feed position from before the run's writes (`ApplyContext.feedCursors`) and, on the Sched
 * side, the kind of item it makes and the privacy it is sent under (`ApplyContext.schedKind`, `privacy`).
 */
function payloadOf(
  action: WriteAction,
  feedCursor: string | undefined,
  sent: Pick<ApplyContext, 'schedKind' | 'privacy'>,
): unknown {
  if (action.type !== 'create') return action;
  const { schedKind, privacy } = sent;
  return {
    ...action,
    ...(feedCursor !== undefined ? { feedCursor } : {}),
    ...(action.side === 'sched' && schedKind !== undefined ? { schedKind } : {}),
    ...(action.side === 'sched' && privacy !== undefined ? { privacy } : {}),
  };
}

/** The create an unfinished intent recorded, or null for any other intent (an update or a delete is never replayed). */
export function createOf(entry: OutboxEntry): CreateAction | null {
  const action = entry.payload as Partial<CreateAction> | null;
  return entry.operation === 'create' && action?.type === 'create' ? (action as CreateAction) : null;
}

/** The kind of Sched item a create's intent was recorded for; absent in intents from before kinds were kept. */
export function intentKindOf(entry: OutboxEntry): SchedKind | undefined {
  const kind = (entry.payload as { schedKind?: unknown } | null)?.schedKind;
  return kind === 'booking' || kind === 'exception' ? kind : undefined;
}

/** The privacy a Sched create's intent was sent under; absent in intents from before it was kept. */
export function intentPrivacyOf(entry: OutboxEntry): PrivacyMode | undefined {
  const privacy = (entry.payload as { privacy?: unknown } | null)?.privacy;
  return privacy === 'full' || privacy === 'busy-only' ? privacy : undefined;
}

/**
 * Records the intent of `action` under `key`. A key already used by a finished intent (the same create planned
 * again after an undo, say) gets a fresh entry under `key@fallback`, so the finished one is never reopened.
 */
export function recordIntent(
  context: Pick<ApplyContext, 'db' | 'calendarId' | 'runId' | 'feedCursors' | 'schedKind' | 'privacy'>,
  action: WriteAction,
  key: string,
  fallback: string,
): OutboxEntry {
  const { db, calendarId, runId } = context;
  const record = (idempotencyKey: string): OutboxEntry =>
    db.outbox.record({
      connectionId: calendarId,
      runId,
      idempotencyKey,
      side: action.side,
      operation: action.type,
      payload: payloadOf(action, context.feedCursors?.()[action.side], context),
      ...idsOf(action),
    });
  const entry = record(key);
  return entry.finishedAt === null ? entry : record(`${entry.idempotencyKey}@${fallback}`);
}
