import { describe, expect, it } from 'vitest';
import { scheduleWrites } from '../../../main/engine/write-scheduler';
import type { CalendarProvider } from '../../../main/providers/port';
import type { Action, Side } from '../../../main/sync';
import { MemoryProvider } from '../../fakes/memory-provider';
import { slot, world } from './world';

function externalCreate(n: number): Action {
  return { type: 'create', side: 'external', counterpart: { id: `b${n}` } } as unknown as Action;
}
function schedCreate(n: number): Action {
  return { type: 'create', side: 'sched', counterpart: { id: `e${n}` } } as unknown as Action;
}
function externalUpdate(bookingId: string, eventId: string): Action {
  return { type: 'update', side: 'external', link: { bookingId, eventId } } as unknown as Action;
}

function providers(writeConcurrency?: number): Record<Side, CalendarProvider> {
  const external = { writeConcurrency } as CalendarProvider;
  return { sched: {} as CalendarProvider, external };
}

/** An `apply` that records start and end order and holds each write for a few turns of the event loop. */
function recorder(fail?: (action: Action) => boolean) {
  const log: string[] = [];
  let inFlight = 0;
  let most = 0;
  const name = (a: Action) =>
    `${a.type}:${'counterpart' in a ? a.counterpart.id : (a as { link: { eventId: string } }).link.eventId}`;
  const apply = async (action: Action) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    log.push(`start ${name(action)}`);
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    log.push(`end ${name(action)}`);
    if (fail?.(action)) throw new Error(`failed ${name(action)}`);
  };
  return { apply, log, most: () => most };
}

describe('scheduleWrites', () => {
  it('keeps up to the calendar’s concurrency of writes in flight and applies every one', async () => {
    const r = recorder();
    await scheduleWrites(
      Array.from({ length: 10 }, (_, i) => externalCreate(i)),
      providers(4),
      r.apply,
    );

    expect(r.most()).toBe(4);
    expect(r.log.filter((line) => line.startsWith('end'))).toHaveLength(10);
  });

  it('writes one at a time to a calendar that names no concurrency', async () => {
    const r = recorder();
    await scheduleWrites([externalCreate(1), externalCreate(2), externalCreate(3)], providers(), r.apply);

    expect(r.most()).toBe(1);
  });

  it('runs a Sched write alone, after everything before it and before anything after it', async () => {
    const r = recorder();
    await scheduleWrites(
      [externalCreate(1), externalCreate(2), schedCreate(3), externalCreate(4)],
      providers(4),
      r.apply,
    );

    const at = (line: string) => r.log.indexOf(line);
    expect(at('start create:e3')).toBeGreaterThan(at('end create:b1'));
    expect(at('start create:e3')).toBeGreaterThan(at('end create:b2'));
    expect(at('start create:b4')).toBeGreaterThan(at('end create:e3'));
  });

  it('never overlaps two writes of the same link', async () => {
    const r = recorder();
    await scheduleWrites(
      [externalUpdate('b1', 'e1'), externalUpdate('b2', 'e2'), externalUpdate('b1', 'e1')],
      providers(4),
      r.apply,
    );

    expect(r.log.slice(0, 2)).toEqual(['start update:e1', 'start update:e2']);
    expect(r.log.indexOf('start update:e1', 1)).toBeGreaterThan(r.log.indexOf('end update:e1'));
  });

  it('after a failure starts nothing new, lets the writes in flight finish, then throws it', async () => {
    const r = recorder((action) => action.type === 'create' && action.counterpart.id === 'b1');

    const run = scheduleWrites(
      Array.from({ length: 8 }, (_, i) => externalCreate(i)),
      providers(2),
      r.apply,
    );

    await expect(run).rejects.toThrow('failed create:b1');
    expect(r.log.filter((line) => line.startsWith('start'))).toHaveLength(
      r.log.filter((line) => line.startsWith('end')).length,
    );
    expect(r.log.filter((line) => line.startsWith('start')).length).toBeLessThan(8);
  });
});

/** A memory calendar that allows four writes at once and holds each create for a few turns of the event loop. */
class ParallelCalendar extends MemoryProvider {
  readonly writeConcurrency = 4;
  inFlight = 0;
  most = 0;

  override async create(...args: Parameters<MemoryProvider['create']>) {
    this.inFlight += 1;
    this.most = Math.max(this.most, this.inFlight);
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    try {
      return await super.create(...args);
    } finally {
      this.inFlight -= 1;
    }
  }
}

describe('Engine with parallel calendar writes', () => {
  it('creates ten copies four at a time, each with one outbox entry, one journal line and one link', async () => {
    const { sched, db, engine, connection, time, events } = world();
    const external = new ParallelCalendar({
      side: 'external',
      clock: () => time.now.toISOString(),
      zone: 'Europe/London',
    });
    for (let i = 0; i < 10; i += 1) sched.add(slot(`Booking ${i}`, 12 + Math.floor(i / 5), 9 + (i % 5)));

    const summary = await engine.run({ ...connection, external });

    expect(summary.status).toBe('ok');
    expect(summary.created).toEqual({ sched: 0, external: 10 });
    expect(external.most).toBe(4);
    expect(external.requests.create).toBe(10);
    const runId = events.find((event) => event.type === 'run-started')!.runId;
    expect(db.journal.forRun(runId)).toHaveLength(10);
    expect(db.outbox.unfinished()).toEqual([]);
    const again = await engine.run({ ...connection, external });
    expect(again.created).toEqual({ sched: 0, external: 0 });
    expect(external.live()).toHaveLength(10);
  });
});
