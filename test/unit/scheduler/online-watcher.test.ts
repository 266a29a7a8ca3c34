import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchOnline } from '../../../main/scheduler/online-watcher';

afterEach(() => vi.useRealTimers());

describe('watchOnline', () => {
  it('reports each return of the network once, and nothing while it stays up or down', () => {
    vi.useFakeTimers();
    const states = [false, false, true, true, false, true];
    let now = true;
    let backs = 0;
    const stop = watchOnline({ isOnline: () => now, onBackOnline: () => backs++, intervalMs: 1000 });

    for (const state of states) {
      now = state;
      vi.advanceTimersByTime(1000);
    }
    stop();

    expect(backs).toBe(2);
  });

  it('stops looking when stopped', () => {
    vi.useFakeTimers();
    let now = false;
    let backs = 0;
    const stop = watchOnline({ isOnline: () => now, onBackOnline: () => backs++, intervalMs: 1000 });

    stop();
    now = true;
    vi.advanceTimersByTime(5000);

    expect(backs).toBe(0);
  });
});
