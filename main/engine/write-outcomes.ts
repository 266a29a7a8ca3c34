/**
 * How the applier reads a write's outcome: whether a failed write can be planned again, whether it surely did not
 * happen, and which writes wait for the next one.
 */
import { NotFoundError, PreconditionFailedError, ProviderError } from '../providers/port';
import type { Action } from '../sync';

/** True when the item moved on or vanished under a conditional write: re-read and plan again. */
export function isStale(error: unknown): boolean {
  return error instanceof PreconditionFailedError || error instanceof NotFoundError;
}

/** True when the provider refused the request, so the write did not happen and its intent can be given up. */
export function wasRefused(error: unknown): boolean {
  return error instanceof ProviderError;
}

/** The link a relink stores right before an update of the same pair is stored by that update's commit instead. */
export function deferredByNext(action: Action, next: Action | undefined): boolean {
  if (action.type !== 'link' || action.reason !== 'relink' || next?.type !== 'update') return false;
  return next.link.bookingId === action.link.sched.id && next.link.eventId === action.link.external.id;
}
