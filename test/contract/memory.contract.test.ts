import { MemoryProvider } from '../fakes/memory-provider';
import { syncWindow, type SyncWindow } from '../../main/sync';
import { describeProviderContract, type AvailabilityCase } from './provider-contract';

const now = '2025-03-05T12:00:00Z';
const window = syncWindow(now, 30, 180, 'UTC');

/** A person's free and busy events in the fake calendar, on day 12 of the window. */
function memoryAvailabilityCases(provider: MemoryProvider, within: SyncWindow): AvailabilityCase[] {
  const day = Date.parse(within.start) + 12 * 86_400_000;
  return (['busy', 'free'] as const).map((availability, index) => {
    const at = (h: number) => new Date(day + h * 3_600_000).toISOString();
    const item = provider.add({
      title: `A ${availability} event`,
      description: '',
      location: '',
      start: { kind: 'instant', utc: at(index * 2), zone: 'UTC' },
      end: { kind: 'instant', utc: at(index * 2 + 1), zone: 'UTC' },
      availability,
    });
    return { what: availability, id: item.id, expected: availability };
  });
}

for (const side of ['external', 'sched'] as const) {
  describeProviderContract(
    `memory (${side})`,
    async () => {
      const provider = new MemoryProvider({ side, clock: () => now });
      return {
        provider,
        window,
        expireCursors: async () => provider.expireCursors(),
        availabilityCases: async (within) => memoryAvailabilityCases(provider, within),
      };
    },
    { readsAvailability: side === 'external' },
  );
}
