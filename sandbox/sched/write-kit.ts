/** What Sched's writes share for bookings and availability exceptions: If-Match, idempotency, overlap. */
import { createHash } from 'node:crypto';
import type { SandboxRequest } from '../core/types';
import type { TimeSpan } from './booking-input';
import { ApiFailure, FieldError, schedError } from './errors';
import { instantOf } from './time';

/** Parses `If-Match`: a bare version, `"3"` or `W/"3"`. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '*') return undefined;
  const digits = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  if (!digits) throw new FieldError('If-Match', 'must be the version of the item, e.g. "3".');
  return Number(digits[1]);
}

/** The `Idempotency-Key` header, checked: 1 to 255 characters when sent. */
export function idempotencyKey(req: SandboxRequest): string | undefined {
  const value = req.headers['idempotency-key'];
  const key = Array.isArray(value) ? value[0] : value;
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    throw new FieldError('Idempotency-Key', 'must be 1 to 255 characters.');
  }
  return key;
}

/** A request's fingerprint, so a reused Idempotency-Key with another request is told apart from a retry. */
export function fingerprint(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/** The 422 for an Idempotency-Key sent again with a different request. */
export function keyReused(): ApiFailure {
  return new ApiFailure(
    schedError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.'),
  );
}

/** True when two spans share some time (ends are exclusive). */
export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  const aStart = instantOf(a.start, a.timezone).getTime();
  const aEnd = instantOf(a.end, a.timezone).getTime();
  const bStart = instantOf(b.start, b.timezone).getTime();
  const bEnd = instantOf(b.end, b.timezone).getTime();
  return aStart < bEnd && bStart < aEnd;
}

/** The 412 for an If-Match version that moved on. */
export function versionMoved(what: string, id: string, current: number, expected: number): ApiFailure {
  return new ApiFailure(
    schedError(
      412,
      'version_mismatch',
      `${what} ${id} is at version ${current}, not ${expected}; read it again and retry.`,
    ),
  );
}
