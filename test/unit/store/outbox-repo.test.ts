import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxIntent } from '../../../main/store/outbox-repo';
import { createPayload } from './outbox-payload';
import { tempStateDb } from './temp-state-db';

const intent: OutboxIntent = {
  connectionId: 'cal-1',
  runId: 'run-1',
  idempotencyKey: 'schedsync0cal1b1',
  side: 'external',
  operation: 'create',
  bookingId: 'b1',
  payload: createPayload('Dental checkup'),
};

describe('OutboxRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  beforeEach(() => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    env.db.connections.ensure('cal-2');
  });
  afterEach(() => env.cleanup());

  it('records an intent with its payload, unfinished', () => {
    const entry = env.db.outbox.record(intent);

    expect(entry).toMatchObject({
      connectionId: 'cal-1',
      runId: 'run-1',
      idempotencyKey: 'schedsync0cal1b1',
      side: 'external',
      operation: 'create',
      bookingId: 'b1',
      eventId: null,
      payload: createPayload('Dental checkup'),
      finishedAt: null,
      outcome: null,
    });
    expect(env.db.outbox.unfinished()).toEqual([entry]);
  });

  it('reads back a payload changed on disk as unusable (null), not as the write it no longer describes', () => {
    const entry = env.db.outbox.record(intent);
    env.db.sqlite
      .prepare(`UPDATE outbox SET payload = ? WHERE id = ?`)
      .run(JSON.stringify({ type: 'create', side: 'external', fields: { title: 42 } }), entry.id);

    expect(env.db.outbox.get(entry.id)?.payload).toBeNull();
  });

  it('returns the first intent when the same idempotency key is recorded again', () => {
    const first = env.db.outbox.record(intent);

    const again = env.db.outbox.record({ ...intent, payload: createPayload('changed') });

    expect(again).toEqual(first);
    expect(env.db.outbox.unfinished()).toHaveLength(1);
  });

  it('marks an intent done once', () => {
    const entry = env.db.outbox.record(intent);

    expect(env.db.outbox.markDone(entry.id)).toBe(true);
    expect(env.db.outbox.markDone(entry.id)).toBe(false);
    expect(env.db.outbox.get(entry.id)).toMatchObject({
      outcome: 'done',
      finishedAt: '2025-03-10T09:00:00.000Z',
    });
    expect(env.db.outbox.unfinished()).toEqual([]);
  });

  it('abandons an intent with the reason', () => {
    const entry = env.db.outbox.record(intent);

    env.db.outbox.abandon(entry.id, 'The booking was cancelled before the event was created.');

    expect(env.db.outbox.byKey(intent.idempotencyKey)).toMatchObject({
      outcome: 'abandoned',
      note: 'The booking was cancelled before the event was created.',
    });
  });

  it('lists unfinished intents oldest first, for one connection or all', () => {
    env.db.outbox.record(intent);
    env.db.outbox.record({ ...intent, connectionId: 'cal-2', idempotencyKey: 'k2' });
    const done = env.db.outbox.record({ ...intent, idempotencyKey: 'k3' });
    env.db.outbox.markDone(done.id);
    env.db.outbox.record({ ...intent, idempotencyKey: 'k4', operation: 'delete', eventId: 'e4' });

    expect(env.db.outbox.unfinished().map((e) => e.idempotencyKey)).toEqual(['schedsync0cal1b1', 'k2', 'k4']);
    expect(env.db.outbox.unfinished('cal-1').map((e) => e.idempotencyKey)).toEqual([
      'schedsync0cal1b1',
      'k4',
    ]);
  });

  it('prunes finished intents older than a cut-off and keeps unfinished ones', () => {
    const old = env.db.outbox.record(intent);
    env.db.outbox.markDone(old.id);
    env.db.outbox.record({ ...intent, idempotencyKey: 'still-open' });

    const pruned = env.db.outbox.prune('2025-03-11T00:00:00.000Z');

    expect(pruned).toBe(1);
    expect(env.db.outbox.get(old.id)).toBeNull();
    expect(env.db.outbox.unfinished().map((e) => e.idempotencyKey)).toEqual(['still-open']);
  });

  it('refuses an operation it does not know', () => {
    const bad = { ...intent, operation: 'move' } as unknown as OutboxIntent;

    expect(() => env.db.outbox.record(bad)).toThrow(/CHECK constraint failed/);
  });
});
