/** Checks availability exception bodies (`POST`/`PUT …/availability/exceptions`); failures name the field. */
import { isRecord, parseSource, parseTimeSpan, type TimeSpan } from './booking-input';
import { FieldError } from './errors';
import type { BookingSource, ExceptionStatus } from './model';

/** The writable fields of an exception, after validation. */
export interface ExceptionFields extends TimeSpan {
  reason: string;
  source: BookingSource | null;
  status: ExceptionStatus;
}

const STATUSES: readonly ExceptionStatus[] = ['active', 'cancelled'];

/** Fields that belong to bookings and make no sense here: named, so a client learns it sent the wrong thing. */
const NOT_HERE = ['title', 'description', 'client', 'resource_id', 'allow_overlap'] as const;

/**
 * Reads the fields present in a body; `create` makes start and end required. `status: "active"` on an update
 * brings a cancelled exception back (how an undo restores one).
 */
export function parseExceptionBody(body: unknown, mode: 'create' | 'update'): Partial<ExceptionFields> {
  if (!isRecord(body)) throw new FieldError('body', 'send a JSON object.');
  if (mode === 'create') {
    for (const field of ['start', 'end']) {
      if (body[field] === undefined || body[field] === null || body[field] === '') {
        throw new FieldError(field, 'is required.');
      }
    }
  }
  for (const field of NOT_HERE) {
    if (body[field] !== undefined) {
      throw new FieldError(
        field,
        field === 'resource_id'
          ? 'is given by the path (/resources/{id}/availability/exceptions); an exception cannot move.'
          : 'is not a field of an availability exception; an exception carries only its time and reason.',
      );
    }
  }
  const fields: Partial<ExceptionFields> = parseTimeSpan(body);
  if (body.reason !== undefined && body.reason !== null) {
    if (typeof body.reason !== 'string') throw new FieldError('reason', 'must be a string.');
    if (body.reason.length > 1024) throw new FieldError('reason', 'must be at most 1024 characters.');
    fields.reason = body.reason;
  } else if (body.reason === null) {
    fields.reason = '';
  }
  if (body.source !== undefined) fields.source = parseSource(body.source);
  if (body.status !== undefined) {
    if (!STATUSES.includes(body.status as ExceptionStatus)) {
      throw new FieldError('status', `must be one of ${STATUSES.join(', ')}.`);
    }
    fields.status = body.status as ExceptionStatus;
  }
  return fields;
}
