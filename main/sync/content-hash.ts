/**
 * Content hash of the synced fields (shared/SYNC.md, "Being a good API citizen"): two items with the same hash
 * look the same to a person, so copying one onto the other would change nothing.
 */
import type { ItemFields, ItemTime } from './item';

const fnvOffset = 0xcbf29ce484222325n;
const fnvPrime = 0x100000001b3n;
const mask64 = 0xffffffffffffffffn;

/**
 * Canonical form of a time. Instants hash as epoch milliseconds so `…Z` and `….000Z` agree, and the zone is left out:
 * the same instant written in another zone is the same appointment to a person.
 */
function canonicalTime(time: ItemTime): string {
  if (time.kind === 'date') return `d:${time.date}`;
  const ms = Date.parse(time.utc);
  return `i:${Number.isNaN(ms) ? time.utc : String(ms)}`;
}

/** Canonical JSON of the synced fields: fixed key order, normalised line ends, trimmed text. */
export function canonicalFields(fields: ItemFields): string {
  const text = (value: string): string => value.replace(/\r\n?/g, '\n').trim();
  return JSON.stringify([
    text(fields.title),
    text(fields.description),
    text(fields.location),
    canonicalTime(fields.start),
    canonicalTime(fields.end),
  ]);
}

/** 64-bit FNV-1a over UTF-8 bytes, as 16 hex digits. Not cryptographic: it only detects change. */
export function fnv1a64(input: string): string {
  let hash = fnvOffset;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * fnvPrime) & mask64;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Stable hash of an item's synced fields (title, description, location, start, end). */
export function contentHash(fields: ItemFields): string {
  return fnv1a64(canonicalFields(fields));
}
