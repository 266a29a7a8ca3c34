import { describe, expect, it } from 'vitest';
import cron from 'node-cron';
import { cronFor } from '../../../main/scheduler/cron-expression';

const minutesBetweenRuns = (expression: string) => {
  const task = cron.createTask(expression, () => undefined);
  const runs = task.getNextRuns(5).map((d) => d.getTime());
  void task.destroy();
  return runs.slice(1).map((t, i) => (t - runs[i]!) / 60_000);
};

describe('cronFor', () => {
  it.each([
    ['1min', 1],
    ['5min', 5],
    ['15min', 15],
    ['30min', 30],
    ['1h', 60],
    ['6h', 360],
    ['24h', 1440],
  ] as const)('runs %s connections every %i minutes', (frequency, minutes) => {
    const expression = cronFor(frequency, 'room-a@example.com')!;

    expect(cron.validate(expression)).toBe(true);
    expect(minutesBetweenRuns(expression)).toEqual([minutes, minutes, minutes, minutes]);
  });

  it('spreads 1min connections over the minute by their own second', () => {
    const seconds = ['room-a@example.com', 'room-b@example.com', 'room-c@example.com'].map(
      (id) => cronFor('1min', id)!.split(' ')[0],
    );

    expect(new Set(seconds).size).toBe(3);
    expect(cronFor('1min', 'room-a@example.com')).toBe(cronFor('1min', 'room-a@example.com'));
  });

  it('schedules nothing for manual connections', () => {
    expect(cronFor('manual', 'room-a@example.com')).toBeNull();
  });

  it('spreads connections over the interval and keeps each one stable', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `calendar-${i}@example.com`);

    const expressions = ids.map((id) => cronFor('15min', id));

    expect(new Set(expressions).size).toBeGreaterThan(10);
    expect(cronFor('15min', ids[0]!)).toBe(expressions[0]);
  });
});
