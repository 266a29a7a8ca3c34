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

  it('gives the hashes this format has stored since it began (links keep theirs across upgrades)', () => {
    const fields = {
      title: ' Booking\r\n1 ',
      description: 'a\rb',
      location: '',
      start: { kind: 'instant' as const, utc: '2026-12-01T09:00:00Z', zone: 'Europe/London' },
      end: { kind: 'date' as const, date: '2026-12-02' },
    };

    expect(fastHash64('')).toBe('2:5db648b30ddb1aa5');
    expect(fastHash64('Café ✓ 😀')).toBe('2:8c930de1d1421c6f');
    expect(canonicalFields(fields)).toBe('["Booking\\n1","a\\nb","","i:1796115600000","d:2026-12-02"]');
    expect(contentHash(fields)).toBe('2:63d1d81dee2d8888');
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
