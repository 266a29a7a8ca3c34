import { describe, expect, it } from 'vitest';
import { Scheduler, type CronLike, type RunReason } from '../../../main/scheduler/scheduler';

class FakeCron implements CronLike {
  readonly tasks = new Map<
    number,
    { expression: string; task: () => void | Promise<void>; stopped: boolean }
  >();
  private next = 0;
  schedule(expression: string, task: () => void | Promise<void>) {
    const id = this.next++;
    const entry = { expression, task, stopped: false };
    this.tasks.set(id, entry);
    return { stop: () => void (entry.stopped = true) };
  }
  live() {
    return [...this.tasks.values()].filter((t) => !t.stopped);
  }
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

const setup = () => {
  const cron = new FakeCron();
  const runs: { id: string; reason: RunReason }[] = [];
  let gate: ReturnType<typeof deferred> | null = null;
  const scheduler = new Scheduler({
    cron,
    run: async (id, reason) => {
      runs.push({ id, reason });
      if (gate) await gate.promise;
      return runs.length;
    },
  });
  return { cron, runs, scheduler, hold: () => (gate = deferred()), release: () => gate?.resolve() };
};

describe('Scheduler', () => {
  it('schedules runnable connections and skips manual or paused ones', () => {
    const { cron, scheduler } = setup();

    scheduler.update([
      { calendar_id: 'a', sync_frequency: '15min', runnable: true },
      { calendar_id: 'b', sync_frequency: 'manual', runnable: true },
      { calendar_id: 'c', sync_frequency: '5min', runnable: false },
    ]);

    expect(cron.live()).toHaveLength(1);
    expect(Object.keys(scheduler.schedules())).toEqual(['a']);
  });

  it('replaces a job when the frequency changes and keeps it otherwise', () => {
    const { cron, scheduler } = setup();
    scheduler.update([{ calendar_id: 'a', sync_frequency: '15min', runnable: true }]);

    scheduler.update([{ calendar_id: 'a', sync_frequency: '15min', runnable: true }]);
    const afterSame = cron.tasks.size;
    scheduler.update([{ calendar_id: 'a', sync_frequency: '1h', runnable: true }]);

    expect(afterSame).toBe(1);
    expect(cron.tasks.size).toBe(2);
    expect(cron.live()).toHaveLength(1);
  });

  it('skips a scheduled tick while a run is in flight', async () => {
    const { cron, runs, scheduler, hold, release } = setup();
    scheduler.update([{ calendar_id: 'a', sync_frequency: '5min', runnable: true }]);
    hold();

    const tick = cron.live()[0]!.task;
    void tick();
    void tick();
    release();
    await scheduler.stop();

    expect(runs).toEqual([{ id: 'a', reason: 'schedule' }]);
  });

  it('queues manual runs behind the run in flight, coalescing repeats', async () => {
    const { runs, scheduler, hold, release } = setup();
    hold();

    const first = scheduler.runNow('a');
    const second = scheduler.runNow('a');
    const third = scheduler.runNow('a');
    release();
    await Promise.all([first, second, third]);

    expect(runs.map((r) => r.id)).toEqual(['a', 'a']);
    expect(await second).toBe(await third);
  });

  it('runs every runnable connection once on a trigger', async () => {
    const { runs, scheduler } = setup();
    scheduler.update([
      { calendar_id: 'a', sync_frequency: '15min', runnable: true },
      { calendar_id: 'b', sync_frequency: 'manual', runnable: true },
      { calendar_id: 'c', sync_frequency: '15min', runnable: false },
    ]);

    await scheduler.trigger('resume');

    expect(runs).toEqual([
      { id: 'a', reason: 'resume' },
      { id: 'b', reason: 'resume' },
    ]);
  });

  it('runs at most eight connections at once; the others start as runs end, none lost', async () => {
    const { runs, scheduler, hold, release } = setup();
    const ids = Array.from({ length: 10 }, (_, i) => `cal-${i}`);
    scheduler.update(ids.map((calendar_id) => ({ calendar_id, sync_frequency: 'manual', runnable: true })));
    hold();

    const all = scheduler.trigger('startup');
    await new Promise((resolve) => setImmediate(resolve));
    const startedFirst = runs.length;
    release();
    const settled = await all;

    expect(startedFirst).toBe(8);
    expect(runs.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(settled.every((s) => s.status === 'fulfilled')).toBe(true);
  });

  it('counts a connection waiting for its turn as busy: a scheduled tick adds no second run', async () => {
    const { cron, runs, scheduler, hold, release } = setup();
    const ids = Array.from({ length: 9 }, (_, i) => `cal-${i}`);
    scheduler.update(ids.map((calendar_id) => ({ calendar_id, sync_frequency: '15min', runnable: true })));
    hold();

    const all = scheduler.trigger('startup');
    await new Promise((resolve) => setImmediate(resolve));
    for (const task of cron.live()) void task.task();
    release();
    await all;
    await scheduler.stop();

    expect(runs.filter((r) => r.id === 'cal-8')).toEqual([{ id: 'cal-8', reason: 'startup' }]);
  });

  it('on stop, starts none of the runs still waiting for their turn and says why', async () => {
    const { runs, scheduler, hold, release } = setup();
    const ids = Array.from({ length: 10 }, (_, i) => `cal-${i}`);
    scheduler.update(ids.map((calendar_id) => ({ calendar_id, sync_frequency: 'manual', runnable: true })));
    hold();

    const all = scheduler.trigger('startup');
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = scheduler.stop();
    release();
    await stopped;
    const settled = await all;

    expect(runs).toHaveLength(8);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(8);
    expect(settled.filter((s) => s.status === 'rejected').map((s) => (s.reason as Error).message)).toEqual([
      'The agent stopped before this run started; it runs at the next start.',
      'The agent stopped before this run started; it runs at the next start.',
    ]);
  });

  it('stops every job on stop', async () => {
    const { cron, scheduler } = setup();
    scheduler.update([{ calendar_id: 'a', sync_frequency: '15min', runnable: true }]);

    await scheduler.stop();

    expect(cron.live()).toHaveLength(0);
  });

  it('says the runs went idle once, when the last of ten ends, before that run answers', async () => {
    const { scheduler, hold, release } = setup();
    const ids = Array.from({ length: 10 }, (_, i) => `cal-${i}`);
    scheduler.update(ids.map((calendar_id) => ({ calendar_id, sync_frequency: 'manual', runnable: true })));
    let answered = 0;
    const answeredWhenIdle: number[] = [];
    scheduler.onIdle(() => answeredWhenIdle.push(answered));
    hold();

    const all = ids.map((id) => scheduler.runNow(id).then(() => (answered += 1)));
    await new Promise((resolve) => setImmediate(resolve));
    const idleWhileRunning = answeredWhenIdle.length;
    release();
    await Promise.all(all);

    expect(idleWhileRunning).toBe(0);
    expect(answeredWhenIdle).toHaveLength(1);
    expect(answeredWhenIdle[0]).toBeLessThan(10);
  });

  it('says idle again after a run that waited behind another, and a failing listener fails no run', async () => {
    const { scheduler, hold, release } = setup();
    scheduler.update([{ calendar_id: 'a', sync_frequency: 'manual', runnable: true }]);
    let idle = 0;
    scheduler.onIdle(() => {
      idle += 1;
      throw new Error('broken listener');
    });
    hold();

    const first = scheduler.runNow('a');
    const second = scheduler.runNow('a');
    release();

    await expect(first).resolves.toBe(1);
    await expect(second).resolves.toBe(2);
    expect(idle).toBe(2);
  });

  it('tells a listener nothing once it unsubscribed', async () => {
    const { scheduler } = setup();
    scheduler.update([{ calendar_id: 'a', sync_frequency: 'manual', runnable: true }]);
    let idle = 0;
    const unsubscribe = scheduler.onIdle(() => (idle += 1));
    await scheduler.runNow('a');

    unsubscribe();
    await scheduler.runNow('a');

    expect(idle).toBe(1);
  });
});
