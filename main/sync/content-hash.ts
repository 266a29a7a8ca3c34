/**
 * Content hash of the synced fields (shared/SYNC.md, "Being a good API citizen"): two items with the same hash
 * look the same to a person, so copying one onto the other would change nothing.
 */
import { instantMsText } from './instant-text';
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
  return `i:${instantMsText(time.utc) ?? time.utc}`;
}

/** Text as hashed: line ends normalised to `\n`, surrounding blanks trimmed (the regex only when there is a `\r`). */
function canonicalText(value: string): string {
  return (value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value).trim();
}

/** Canonical JSON of the synced fields: fixed key order, normalised line ends, trimmed text. */
export function canonicalFields(fields: ItemFields): string {
  return JSON.stringify([
    canonicalText(fields.title),
    canonicalText(fields.description),
    canonicalText(fields.location),
    canonicalTime(fields.start),
    canonicalTime(fields.end),
  ]);
}

/**
 * 64-bit FNV-1a over UTF-8 bytes, as 16 hex digits: the hash builds before issue 11 stored. Kept only to recognise
 * those (an undone copy's stored hash has no fields beside it to hash again); BigInt made it most of the planner's CPU.
 */
export function fnv1a64(input: string): string {
  let hash = fnvOffset;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * fnvPrime) & mask64;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Two hex digits per byte value: a table lookup is several times faster than `toString(16)` and `padStart`. */
const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A 32-bit integer as 8 lower-case hex digits, as `(value >>> 0).toString(16).padStart(8, '0')` writes it. */
function hex32(value: number): string {
  return (
    (hexByte[value >>> 24] as string) +
    (hexByte[(value >>> 16) & 0xff] as string) +
    (hexByte[(value >>> 8) & 0xff] as string) +
    (hexByte[value & 0xff] as string)
  );
}

/** Marks a hash made by `fastHash64`, so a stored hash says which function made it. */
export const hashPrefix = '2:';

/**
 * A fast non-cryptographic 64-bit hash over UTF-16 code units, as `2:` and 16 hex digits: two 32-bit lanes in plain
 * integer arithmetic (FNV-1a, and a multiply-xorshift lane with MurmurHash2's constant), no BigInt, no encoding.
 * It only detects change: equal input, equal hash; a collision would need two different edits of one item to meet.
 */
export function fastHash64(input: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ input.length;
  for (let i = 0; i < input.length; i += 1) {
    const unit = input.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return `${hashPrefix}${hex32(a)}${hex32(b)}`;
}

/** Stable hash of an item's synced fields (title, description, location, start, end). */
export function contentHash(fields: ItemFields): string {
  return fastHash64(canonicalFields(fields));
}

/**
 * True when `stored` is the hash of `fields`, whichever build stored it: the store migration rehashes what it can,
 * and a hash stored before `fastHash64` with no fields beside it is checked the old way.
 */
export function hashMatches(stored: string | undefined, fields: ItemFields): boolean {
  if (stored === undefined) return false;
  if (stored.startsWith(hashPrefix)) return stored === contentHash(fields);
  // An older build's hash is always 16 hex digits: anything else (a relink's empty baseline) needs no BigInt hash.
  return stored.length === 16 && stored === fnv1a64(canonicalFields(fields));
}
