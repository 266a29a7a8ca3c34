import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { ClockCron } from '../../../main/scheduler/clock-cron';
import { nextDue, parseCron } from '../../../main/scheduler/cron-next';
import { cronFor } from '../../../main/scheduler/cron-expression';

/** An agent clock a test moves, and the timer ClockCron set (fired by hand). */
const setup = (checkEveryMs = 60_000) => {
  let nowMs = Date.parse('2026-03-02T08:00:00.000Z');
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  let reads = 0;
  const clock = {
    now: () => new Date(nowMs),
    refresh: async () => void (reads += 1),
  };
  const scheduler = new ClockCron(clock, {
    checkEveryMs,
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => void ((timer as { cleared: boolean }).cleared = true),
  });
  const armed = () => timers.filter((t) => !t.cleared).at(-1);
  const fire = async () => {
    const timer = armed()!;
    timer.cleared = true;
    timer.run();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    scheduler,
    armed,
    fire,
    reads: () => reads,
    advance: (ms: number) => void (nowMs += ms),
  };
};

describe('ClockCron: schedules on the agent clock', () => {
  it('runs a due job once the agent clock is moved past its time, though no real time passed', async () => {
    const { scheduler, fire, advance, reads } = setup();
    let runs = 0;
    scheduler.schedule(cronFor('24h', 'room-a@example.com')!, () => void (runs += 1));

    await fire();
    expect(runs).toBe(0);
    advance(25 * 3_600_000); // the sandbox clock moved a day forward
    await fire();

    expect(runs).toBe(1);
    expect(reads()).toBe(2);
  });

  it('runs a job once however many of its periods the clock skipped, then at its next time', async () => {
    const { scheduler, fire, advance } = setup();
    let runs = 0;
    scheduler.schedule(cronFor('15min', 'room-a@example.com')!, () => void (runs += 1));

    advance(3 * 3_600_000);
    await fire();
    await fire();
    advance(15 * 60_000);
    await fire();

    expect(runs).toBe(2);
  });

  it('sleeps until the earliest due time, and no longer than its check interval', () => {
    const { scheduler, armed } = setup(60_000);
    const expression = '30 * * * * *'; // second 30 of every minute; the clock reads 08:00:00
    scheduler.schedule(expression, () => undefined);
    expect(armed()!.ms).toBe(30_000);

    const other = setup(60_000);
    other.scheduler.schedule(cronFor('24h', 'room-a@example.com')!, () => undefined);
    expect(other.armed()!.ms).toBe(60_000);
  });

  it('keeps no timer once every job is stopped, and a stopped job never runs', async () => {
    const { scheduler, armed, advance } = setup();
    let runs = 0;
    const job = scheduler.schedule('0 * * * * *', () => void (runs += 1));
    job.stop();
    advance(3_600_000);

    expect(armed()).toBeUndefined();
    await scheduler.wake();
    expect(runs).toBe(0);
  });
});

describe('nextDue', () => {
  it.each(['5min', '15min', '30min', '1h', '6h', '24h'] as const)(
    'agrees with node-cron on the next five times of a %s connection',
    (frequency) => {
      const expression = cronFor(frequency, 'room-b@example.com')!;
      const task = cron.createTask(expression, () => undefined);
      const expected = task.getNextRuns(5).map((d) => d.toISOString());
      void task.destroy();
      const fields = parseCron(expression);
      const got: string[] = [];
      // From just before node-cron's first time, so a second ticking between the two reads changes nothing.
      let at = new Date(Date.parse(expected[0]!) - 1000);
      for (let i = 0; i < 5; i++) got.push((at = nextDue(fields, at)).toISOString());

      expect(got).toEqual(expected);
    },
  );

  it('refuses an expression it cannot read, naming it', () => {
    expect(() => parseCron('0 61 * * * *')).toThrow('Cron field "61"');
    expect(() => parseCron('* * *')).toThrow('needs six fields');
  });
});
