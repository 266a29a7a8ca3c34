/**
 * How the applier reads a write's outcome: whether a failed write can be planned again, whether it surely did not
 * happen, which writes wait for the next one, and the retag that follows a booking made again.
 */
import type { CalendarProvider } from '../providers/port';
import {
  AuthError,
  NotFoundError,
  PreconditionFailedError,
  ProviderError,
  RateLimitError,
} from '../providers/port';
import type { Action, CreateAction, SyncItem } from '../sync';

/** True when the item moved on or vanished under a conditional write: re-read and plan again. */
export function isStale(error: unknown): boolean {
  return error instanceof PreconditionFailedError || error instanceof NotFoundError;
}

/**
 * True when the provider refused the request, so the write did not happen and its intent can be given up. A replay's
 * intent stays for a refusal that passes (a sign-in to renew, a rate limit): the crashed run's first attempt may have
 * gone through, and only the replay, once it is let through, finds and links what that attempt made.
 */
export function wasRefused(error: unknown, replayed = false): boolean {
  if (replayed && (error instanceof AuthError || error instanceof RateLimitError)) return false;
  return error instanceof ProviderError;
}

/** The link a relink stores right before an update of the same pair is stored by that update's commit instead. */
export function deferredByNext(action: Action, next: Action | undefined): boolean {
  if (action.type !== 'link' || action.reason !== 'relink' || next?.type !== 'update') return false;
  return next.link.bookingId === action.link.sched.id && next.link.eventId === action.link.external.id;
}

/**
 * Writes the new booking's id into the tags of the event it was made again from. A 412 or 404 leaves the event as it
 * is (changed or gone since the read: the next run sees it); other failures stop the run like any write.
 */
export async function retagEvent(
  external: CalendarProvider,
  retag: NonNullable<CreateAction['retag']>,
  bookingId: string,
): Promise<SyncItem | null> {
  const tags = { bookingId, connectionId: retag.connectionId };
  try {
    return await external.update(retag.eventId, retag.fields, { ifMatch: retag.ifMatch, tags });
  } catch (error) {
    if (isStale(error)) return null;
    throw error;
  }
}
