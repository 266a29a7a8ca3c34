import { describe, expect, it } from 'vitest';
import { slot, titles, world } from './world';

/** A calendar whose feed, like Graph's delta, never reports the deletion of an id its cursor did not know. */
const outlookLike = { externalDeletions: 'known' as const };

describe('an event deleted right after the agent created it', () => {
  it('cancels its booking on the next run, for one extra read of that event', async () => {
    const { sched, external, engine, connection } = world(outlookLike);
    sched.add(slot('Quick call'));
    await engine.run(connection);
    external.remove(external.live()[0]!.id);

    const summary = await engine.run(connection);

    expect(summary).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 0 } });
    expect(summary.created).toEqual({ sched: 0, external: 0 });
    expect(titles(sched)).toEqual([]);
    expect(external.requests.get).toBe(1);
  });

  it('checks nothing once the feed has listed the created event, so later idle runs cost one list per side', async () => {
    const { sched, external, engine, connection } = world(outlookLike);
    sched.add(slot('Quick call'));
    await engine.run(connection);

    const afterCreate = await engine.run(connection);
    const idle = await engine.run(connection);

    expect(afterCreate.requests).toBe(2);
    expect(idle.requests).toBe(2);
    expect(external.requests.get).toBe(0);
    expect(titles(external)).toEqual(['Quick call']);
  });

  it('is still noticed when the run that would have noticed it fails', async () => {
    const { sched, external, engine, connection } = world(outlookLike);
    sched.add(slot('Quick call'));
    await engine.run(connection);
    external.remove(external.live()[0]!.id);
    sched.faults.failNext('delete', new Error('connection reset'));
    const failed = await engine.run(connection);

    const summary = await engine.run(connection);

    expect(failed.status).toBe('error');
    expect(summary).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 0 } });
    expect(titles(sched)).toEqual([]);
  });

  it('stops at the mass-delete guard like any other deletion, and cancels after the person applies', async () => {
    const { sched, external, engine, connection } = world(outlookLike);
    for (const day of [12, 13, 14, 17, 18, 19]) sched.add(slot(`Call ${day}`, day));
    await engine.run(connection);
    for (const event of external.live()) external.remove(event.id);

    const stopped = await engine.run(connection);
    const stillThere = titles(sched).length;
    const applied = await engine.review(connection, 'apply');

    expect(stopped.status).toBe('needs_review');
    expect(stillThere).toBe(6);
    expect(applied).toMatchObject({ status: 'ok', deleted: { sched: 6, external: 0 } });
    expect(titles(sched)).toEqual([]);
  });

  it('is put back, not cancelled, when only bookings go out (sched-to-external)', async () => {
    const { sched, external, engine, connection } = world({
      ...outlookLike,
      settings: { direction: 'sched-to-external' },
    });
    sched.add(slot('Quick call'));
    await engine.run(connection);
    external.remove(external.live()[0]!.id);

    const summary = await engine.run(connection);

    expect(summary).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect(titles(sched)).toEqual(['Quick call']);
    expect(titles(external)).toEqual(['Quick call']);
  });

  it('is noticed too when the calendar put back by the previous run is deleted right away', async () => {
    const { sched, external, engine, connection } = world({
      ...outlookLike,
      settings: { direction: 'sched-to-external' },
    });
    sched.add(slot('Quick call'));
    await engine.run(connection);
    external.remove(external.live()[0]!.id);
    await engine.run(connection);
    external.remove(external.live()[0]!.id);

    const summary = await engine.run(connection);

    expect(summary.created).toEqual({ sched: 0, external: 1 });
    expect(titles(external)).toEqual(['Quick call']);
  });
});
