import { describe, expect, it } from 'vitest';
import { checkUnconfirmed } from '../../../main/engine/unconfirmed-events';
import { MemoryProvider } from '../../fakes/memory-provider';
import type { SideRead } from '../../../main/sync';
import { slot, zone } from './world';

function calendar(deleteMode: 'cancel' | 'remove' = 'remove'): MemoryProvider {
  return new MemoryProvider({ side: 'external', clock: () => '2025-03-10T12:00:00Z', zone, deleteMode });
}

const quiet: SideRead = { items: [], deleted: [], full: false };

describe('checkUnconfirmed', () => {
  it('reads nothing when the feed mentioned every unconfirmed event', async () => {
    const provider = calendar();
    const kept = provider.add(slot('Kept'));
    const read: SideRead = { items: [kept], deleted: ['e-gone'], full: false };

    const checked = await checkUnconfirmed(provider, read, [kept.id, 'e-gone']);

    expect(provider.requests.get).toBe(0);
    expect(checked.read).toBe(read);
    expect(checked.confirmed).toEqual([kept.id, 'e-gone']);
  });

  it('reports an unmentioned event the calendar no longer has as deleted', async () => {
    const provider = calendar();

    const checked = await checkUnconfirmed(provider, quiet, ['e-gone']);

    expect(checked.read.deleted).toEqual(['e-gone']);
    expect(checked.read.items).toEqual([]);
    expect(checked.confirmed).toEqual(['e-gone']);
  });

  it('adds an unmentioned event the calendar still has, cancelled ones included, as items', async () => {
    const provider = calendar('cancel');
    const live = provider.add(slot('Live'));
    const cancelled = provider.add(slot('Cancelled', 13));
    provider.remove(cancelled.id);

    const checked = await checkUnconfirmed(provider, quiet, [live.id, cancelled.id]);

    expect(checked.read.items.map((item) => [item.title, item.status])).toEqual([
      ['Live', 'confirmed'],
      ['Cancelled', 'cancelled'],
    ]);
    expect(checked.read.deleted).toEqual([]);
    expect(provider.requests.get).toBe(2);
  });

  it('reads nothing after a full read, whose absences already count', async () => {
    const provider = calendar();
    const full: SideRead = { items: [], deleted: [], full: true };

    const checked = await checkUnconfirmed(provider, full, ['e-gone']);

    expect(provider.requests.get).toBe(0);
    expect(checked.read).toBe(full);
    expect(checked.confirmed).toEqual(['e-gone']);
  });
});
