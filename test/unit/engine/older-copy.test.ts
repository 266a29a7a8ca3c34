import { describe, expect, it } from 'vitest';
import { olderCopyOf } from '../../../main/engine/older-copy';
import type { ItemFields, ItemTime, SyncItem } from '../../../main/sync';

const at = (utc: string): ItemTime => ({ kind: 'instant', utc, zone: 'Europe/London' });

const fields: ItemFields = {
  title: 'Dentist',
  description: 'Bring the x-rays',
  location: '',
  start: at('2026-12-03T09:00:00Z'),
  end: at('2026-12-03T10:00:00Z'),
};
const answer = (id: string, over: Partial<SyncItem>): SyncItem =>
  ({
    ...fields,
    id,
    version: 'v1',
    status: 'confirmed',
    updated: '2026-12-01T00:00:00Z',
    ...over,
  }) as SyncItem;

describe('olderCopyOf: what a fresh create found under its key', () => {
  it('is the asked-for booking when it comes back as asked', () => {
    expect(olderCopyOf(fields, answer('b1', {}))).toBeNull();
  });

  it('is an older copy a person changed when the booking comes back renamed or moved', () => {
    expect(olderCopyOf(fields, answer('b1', { title: 'Dentist (moved)' }))).toBe('changed');
    expect(olderCopyOf(fields, answer('b1', { start: at('2026-12-03T08:00:00Z') }))).toBe('changed');
  });

  it('compares with the fields as the side keeps them (a busy block titled from its reason)', () => {
    const kept = { ...fields, title: 'Unavailable' };
    expect(olderCopyOf(kept, answer('exception:x1', { title: 'Unavailable' }))).toBeNull();
    expect(
      olderCopyOf(kept, answer('exception:x1', { title: 'Unavailable', end: at('2026-12-03T11:00:00Z') })),
    ).toBe('changed');
  });

  it('is a spent key when the copy it found was cancelled', () => {
    expect(olderCopyOf(fields, answer('b1', { status: 'cancelled' }))).toBe('cancelled');
  });
});
