import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSummaryOf, type Run } from '../../../main/store';
import { tempStateDb } from './temp-state-db';

const zero = {
  created: { sched: 0, external: 0 },
  updated: { sched: 0, external: 0 },
  deleted: { sched: 0, external: 0 },
  conflicts: 0,
  errors: 0,
  requests: 0,
};

describe('RunRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  beforeEach(() => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    env.db.connections.ensure('cal-2');
  });
  afterEach(() => env.cleanup());

  it('starts a run as running with a fresh id and zero counts', () => {
    const run = env.db.runs.start({ connectionId: 'cal-1' });

    expect(run.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(run).toMatchObject({
      connectionId: 'cal-1',
      kind: 'sync',
      status: 'running',
      startedAt: '2025-03-10T09:00:00.000Z',
      finishedAt: null,
      counts: zero,
      undoneBy: null,
      trigger: null,
    });
  });

  it('adds up counts per side across batches', () => {
    const { runId } = env.db.runs.start({ connectionId: 'cal-1', runId: 'run-1' });

    env.db.runs.addCounts(runId, { created: { external: 2 }, requests: 3 });
    const run = env.db.runs.addCounts(runId, {
      created: { external: 1, sched: 1 },
      deleted: { sched: 1 },
      requests: 2,
    });

    expect(run.counts).toEqual({
      ...zero,
      created: { sched: 1, external: 3 },
      deleted: { sched: 1, external: 0 },
      requests: 5,
    });
  });

  it('rejects a negative or fractional count', () => {
    const { runId } = env.db.runs.start({ connectionId: 'cal-1' });

    expect(() => env.db.runs.addCounts(runId, { errors: -1 })).toThrow(/errors must be a whole number/);
    expect(() => env.db.runs.addCounts(runId, { requests: 1.5 })).toThrow(/requests must be a whole number/);
    expect(env.db.runs.get(runId)?.counts).toEqual(zero);
  });

  it('finishes a run with its status and message', () => {
    const { runId } = env.db.runs.start({ connectionId: 'cal-1' });
    env.clock.now = new Date('2025-03-10T09:00:05.000Z');

    const run = env.db.runs.finish(runId, {
      status: 'error',
      errorMessage: 'Sched answered 503 after 4 tries.',
    });

    expect(run).toMatchObject({
      status: 'error',
      errorMessage: 'Sched answered 503 after 4 tries.',
      finishedAt: '2025-03-10T09:00:05.000Z',
    });
  });

  it('closes runs left running by a crash, and only those', () => {
    const crashed = env.db.runs.start({ connectionId: 'cal-1', runId: 'crashed' });
    const finished = env.db.runs.start({ connectionId: 'cal-2', runId: 'finished' });
    env.db.runs.finish(finished.runId, { status: 'ok' });

    const closed = env.db.runs.closeInterrupted();

    expect(closed.map((r) => r.runId)).toEqual([crashed.runId]);
    expect(env.db.runs.get('crashed')).toMatchObject({
      status: 'interrupted',
      errorMessage: expect.stringMatching(/stopped during this run/),
    });
    expect(env.db.runs.get('finished')?.status).toBe('ok');
  });

  it('lists runs newest first, per connection, with a limit', () => {
    env.db.runs.start({ connectionId: 'cal-1', runId: 'a' });
    env.clock.now = new Date('2025-03-10T09:15:00.000Z');
    env.db.runs.start({ connectionId: 'cal-2', runId: 'b' });
    env.clock.now = new Date('2025-03-10T09:30:00.000Z');
    env.db.runs.start({ connectionId: 'cal-1', runId: 'c' });

    expect(env.db.runs.list().map((r) => r.runId)).toEqual(['c', 'b', 'a']);
    expect(env.db.runs.list({ connectionId: 'cal-1' }).map((r) => r.runId)).toEqual(['c', 'a']);
    expect(env.db.runs.list({ limit: 1 }).map((r) => r.runId)).toEqual(['c']);
  });

  it('remembers which undo run reverted a run', () => {
    env.db.runs.start({ connectionId: 'cal-1', runId: 'r1' });
    env.db.runs.start({ connectionId: 'cal-1', runId: 'u1', kind: 'undo' });

    const run = env.db.runs.markUndone('r1', 'u1');

    expect(run.undoneBy).toBe('u1');
    expect(env.db.runs.get('u1')?.kind).toBe('undo');
  });

  it('says which run is missing', () => {
    expect(() => env.db.runs.finish('nope', { status: 'ok' })).toThrow('No run nope.');
    expect(() => env.db.runs.addCounts('nope', { errors: 1 })).toThrow('No run nope.');
  });
});

describe('JournalRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  beforeEach(() => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    env.db.runs.start({ connectionId: 'cal-1', runId: 'run-1' });
  });
  afterEach(() => env.cleanup());

  it('keeps before- and after-images of each applied action in order', () => {
    const before = { title: 'Checkup', start: '2025-03-12T09:00:00Z', tags: ['a', 'ü'] };
    env.db.journal.append({
      runId: 'run-1',
      side: 'external',
      action: 'create',
      bookingId: 'b1',
      after: { id: 'e1' },
    });
    env.db.journal.append({
      runId: 'run-1',
      side: 'sched',
      action: 'update',
      bookingId: 'b2',
      before,
      after: { ...before, title: 'Cleaning' },
    });
    env.db.journal.append({
      runId: 'run-1',
      side: 'external',
      action: 'delete',
      eventId: 'e3',
      before: { id: 'e3' },
    });

    const entries = env.db.journal.forRun('run-1');

    expect(entries.map((e) => [e.side, e.action, e.before, e.after])).toEqual([
      ['external', 'create', null, { id: 'e1' }],
      ['sched', 'update', before, { ...before, title: 'Cleaning' }],
      ['external', 'delete', { id: 'e3' }, null],
    ]);
  });

  it('marks an action undone once so an interrupted undo resumes where it stopped', () => {
    const entry = env.db.journal.append({
      runId: 'run-1',
      side: 'external',
      action: 'create',
      eventId: 'e1',
    });

    expect(env.db.journal.markUndone(entry.id)).toBe(true);
    expect(env.db.journal.markUndone(entry.id)).toBe(false);
    expect(env.db.journal.forRun('run-1')[0]?.undoneAt).toBe('2025-03-10T09:00:00.000Z');
  });

  it('refuses an entry for a run that does not exist', () => {
    expect(() => env.db.journal.append({ runId: 'ghost', side: 'sched', action: 'delete' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });
});

describe('runSummaryOf', () => {
  it('turns a stored run into the API summary, undone when an undo run points at it', () => {
    const run: Run = {
      runId: 'r1',
      connectionId: 'room@example.com',
      kind: 'sync',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '2026-11-24T10:00:02.000Z',
      status: 'ok',
      errorMessage: null,
      counts: {
        created: { sched: 1, external: 2 },
        updated: { sched: 0, external: 0 },
        deleted: { sched: 0, external: 0 },
        conflicts: 0,
        errors: 0,
        requests: 5,
      },
      undoneBy: 'r2',
      trigger: 'manual',
    };

    expect(runSummaryOf(run)).toMatchObject({
      run_id: 'r1',
      calendar_id: 'room@example.com',
      created: { sched: 1, external: 2 },
      requests: 5,
      undone: true,
      trigger: 'manual',
    });
  });
});
