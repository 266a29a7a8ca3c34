import { describe, expect, it } from 'vitest';
import { lazily } from '../../../main/agent/lazy-module';

describe('lazily', () => {
  it('loads once, on first use, however many callers ask at the same time', async () => {
    let loads = 0;
    const load = lazily(async () => {
      loads += 1;
      return { client: 'google' };
    });
    expect(loads).toBe(0);

    const [first, second] = await Promise.all([load(), load()]);
    const third = await load();

    expect(loads).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  it('tries a failed load again on the next use instead of keeping the failure', async () => {
    let loads = 0;
    const load = lazily(async () => {
      loads += 1;
      if (loads === 1) throw new Error('Cannot find module @azure/msal-node');
      return 'loaded';
    });

    await expect(load()).rejects.toThrow('Cannot find module @azure/msal-node');
    await expect(load()).resolves.toBe('loaded');
    await expect(load()).resolves.toBe('loaded');
    expect(loads).toBe(2);
  });
});
