import { MemoryProvider } from '../fakes/memory-provider';
import { syncWindow } from '../../main/sync';
import { describeProviderContract } from './provider-contract';

const now = '2025-03-05T12:00:00Z';
const window = syncWindow(now, 30, 180, 'UTC');

for (const side of ['external', 'sched'] as const) {
  describeProviderContract(`memory (${side})`, async () => {
    const provider = new MemoryProvider({ side, clock: () => now });
    return { provider, window, expireCursors: async () => provider.expireCursors() };
  });
}
