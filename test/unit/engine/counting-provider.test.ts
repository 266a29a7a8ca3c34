import { describe, expect, it } from 'vitest';
import { CountingProvider } from '../../../main/engine';
import { MemoryProvider } from '../../fakes/memory-provider';
import { syncWindow } from '../../../main/sync';
import { slot, zone } from './world';

const window = syncWindow('2025-03-10T12:00:00Z', 30, 180, zone);

describe('CountingProvider', () => {
  it('reports the requests a provider spent since wrapping: one per call of the memory provider', async () => {
    const inner = new MemoryProvider({ side: 'external', clock: () => '2025-03-10T12:00:00Z', zone });
    const counted = new CountingProvider(inner);

    const created = await counted.create({ fields: slot('A'), idempotencyKey: 'k1' });
    await counted.get(created.id);
    await counted.listChanges({ cursor: null, window });

    expect(counted.requests()).toBe(3);
  });

  it('reports the provider’s own figure since wrapping when it counts its requests', async () => {
    const inner = new MemoryProvider({ side: 'external', clock: () => '2025-03-10T12:00:00Z', zone });
    let sent = 7;
    const selfCounting = Object.assign(inner, { requestCount: () => sent });
    const counted = new CountingProvider(selfCounting);

    await counted.listChanges({ cursor: null, window });
    sent += 3; // e.g. two pages and a retry

    expect(counted.requests()).toBe(3);
  });
});
