import { describe, expect, it } from 'vitest';
import { overlapsWindow, syncWindow } from '../../../main/sync';
import { booking, london } from './fixtures';

describe('syncWindow', () => {
  it('runs from local midnight N days ago to the end of the day M days ahead, in the resource zone', () => {
    const window = syncWindow('2025-03-10T12:00:00Z', 30, 180, 'America/New_York');

    expect(window.start).toBe('2025-02-08T05:00:00.000Z');
    expect(window.end).toBe('2025-09-07T04:00:00.000Z');
  });

  it('counts "today" in the resource zone, not in UTC', () => {
    const lateEvening = syncWindow('2025-03-11T03:00:00Z', 0, 0, 'America/Los_Angeles');

    expect(lateEvening).toEqual({ start: '2025-03-10T07:00:00.000Z', end: '2025-03-11T07:00:00.000Z' });
  });
});

describe('overlapsWindow', () => {
  const window = syncWindow('2025-03-10T12:00:00Z', 1, 2, 'Europe/London');

  it('includes items inside and items straddling an edge', () => {
    expect(overlapsWindow(booking('b1'), window, 'Europe/London')).toBe(true);
    const straddling = { start: london('2025-03-08T23:30'), end: london('2025-03-09T00:30') };
    expect(overlapsWindow(straddling, window, 'Europe/London')).toBe(true);
  });

  it('excludes items entirely before or after', () => {
    const before = { start: london('2025-03-08T10:00'), end: london('2025-03-08T11:00') };
    const after = { start: london('2025-03-13T00:00'), end: london('2025-03-13T01:00') };

    expect(overlapsWindow(before, window, 'Europe/London')).toBe(false);
    expect(overlapsWindow(after, window, 'Europe/London')).toBe(false);
  });

  it('places all-day dates by the resource zone', () => {
    const lastDay = {
      start: { kind: 'date' as const, date: '2025-03-12' },
      end: { kind: 'date' as const, date: '2025-03-13' },
    };
    const dayAfter = {
      start: { kind: 'date' as const, date: '2025-03-13' },
      end: { kind: 'date' as const, date: '2025-03-14' },
    };

    expect(overlapsWindow(lastDay, window, 'Europe/London')).toBe(true);
    expect(overlapsWindow(dayAfter, window, 'Europe/London')).toBe(false);
  });
});
