import { describe, expect, it } from 'vitest';
import { CachedAvailability } from '../../../main/secrets/keychain-availability';

const counting = (answers: boolean[]) => {
  const probe = { calls: 0 };
  const fn = async () => answers[Math.min(probe.calls++, answers.length - 1)]!;
  return { probe, fn };
};

describe('CachedAvailability', () => {
  it('probes once for many status reads within its age', async () => {
    let clock = 0;
    const { probe, fn } = counting([true]);
    const cached = new CachedAvailability(fn, { maxAgeMs: 1_000, now: () => clock });

    const answers = await Promise.all(Array.from({ length: 100 }, () => cached.current()));
    clock = 999;
    await cached.current();

    expect(answers.every(Boolean)).toBe(true);
    expect(probe.calls).toBe(1);
  });

  it('answers from the cache when stale and refreshes behind it', async () => {
    let clock = 0;
    const { probe, fn } = counting([true, false]);
    const cached = new CachedAvailability(fn, { maxAgeMs: 1_000, now: () => clock });
    await cached.current();

    clock = 2_000;
    const stale = await cached.current();
    await cached.refresh();
    const fresh = await cached.current();

    expect([stale, fresh]).toEqual([true, false]);
    expect(probe.calls).toBe(2);
  });

  it('counts a probe that throws as unavailable', async () => {
    const cached = new CachedAvailability(() => Promise.reject(new Error('no bus')));

    expect(await cached.current()).toBe(false);
  });
});
