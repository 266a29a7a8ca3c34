/**
 * Client-chosen event ids (SYNC.md, "Identity: never a duplicate"): the same idempotency key always names the
 * same event, so a retried insert gets 409 instead of making a copy. Google wants base32hex (0-9, a-v), 5 to 1024
 * characters; a lowercase hex digest is already in that alphabet.
 * https://developers.google.com/calendar/api/v3/reference/events/insert (the `id` property)
 */
import { createHash } from 'node:crypto';

/** The Google event id for an idempotency key: SHA-256 of the key in lowercase hex (64 characters). */
export function eventIdFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
}
