import { describe, expect, it } from 'vitest';
import { canonicalFields, contentHash, fastHash64, fnv1a64, hashMatches } from '../../../main/sync';
import { booking, london } from './fixtures';

describe('contentHash', () => {
  it('is the same for the same fields, whatever the id, version or status', () => {
    const a = booking('b1');
    const b = { ...booking('b2'), title: a.title, version: 'other', status: 'pending' as const };

    expect(contentHash(b)).toBe(contentHash(a));
  });

  it('changes when any synced field changes', () => {
    const base = booking('b1');
    const variants = [
      { ...base, title: 'Other' },
      { ...base, description: 'Other' },
      { ...base, location: 'Room B' },
      { ...base, start: london('2025-03-12T09:00') },
      { ...base, end: london('2025-03-12T12:00') },
    ];

    const hashes = new Set(variants.map((variant) => contentHash(variant)));

    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(contentHash(base))).toBe(false);
  });

  it('treats the same instant written differently or in another zone as the same', () => {
    const base = booking('b1', {
      start: { kind: 'instant', utc: '2025-03-12T10:00:00Z', zone: 'Europe/London' },
    });
    const respelled = {
      ...base,
      start: { kind: 'instant' as const, utc: '2025-03-12T10:00:00.000Z', zone: 'Africa/Abidjan' },
    };

    expect(contentHash(respelled)).toBe(contentHash(base));
  });

  it('ignores line-ending style and surrounding blanks in text', () => {
    const base = booking('b1', { description: 'line one\nline two' });

    expect(contentHash({ ...base, description: '  line one\r\nline two\n' })).toBe(contentHash(base));
  });

  it('tells an all-day date from an instant at midnight', () => {
    const allDay = booking('b1', {
      start: { kind: 'date', date: '2025-03-12' },
      end: { kind: 'date', date: '2025-03-13' },
    });
    const midnight = booking('b1', { start: london('2025-03-12T00:00'), end: london('2025-03-13T00:00') });

    expect(contentHash(allDay)).not.toBe(contentHash(midnight));
  });

  it('is FNV-1a 64 (known test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
  });

  it('is the fast 64-bit hash, marked so a stored hash says which function made it', () => {
    expect(fastHash64('')).toMatch(/^2:[0-9a-f]{16}$/);
    expect(fastHash64('a')).not.toBe(fastHash64('b'));
    expect(fastHash64('ab')).not.toBe(fastHash64('ba'));
    expect(contentHash(booking('b1'))).toMatch(/^2:/);
  });

  it('recognises a hash stored by an older build (FNV-1a over UTF-8) for the same fields, and no other', () => {
    const item = booking('b1');
    const older = fnv1a64(canonicalFields(item));

    expect(hashMatches(older, item)).toBe(true);
    expect(hashMatches(older, { ...item, title: `${item.title}!` })).toBe(false);
    expect(hashMatches(contentHash(item), item)).toBe(true);
    expect(hashMatches(undefined, item)).toBe(false);
  });
});
