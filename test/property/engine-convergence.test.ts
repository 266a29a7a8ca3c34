import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../main/engine';
import type { ConflictStrategy } from '../../main/sync';
import { EngineWorld, stepsArb, strategyArb, type Step } from './engine-world';

/**
 * Found by this property: a person's event imported in a run that crashed before its write, then deleted before the
 * next run. The replayed import links an event no saved cursor ever listed, so a Graph-like feed never reports its
 * deletion; the engine must check such links itself. Always run, before the random stories.
 */
const crashThenDelete: Step[] = [
  { kind: 'sync', crash: null },
  { kind: 'add', side: 'external', title: 'Standup', day: 11, hour: 7 },
  { kind: 'sync', crash: { after: 0, when: 'before' } },
  { kind: 'delete', side: 'external', pick: 0 },
];

/**
 * Found by this property on a random seed (issue 9): two calendar events and a booking of one title at one time, a
 * run that crashes after two writes, then the calendar's first event deleted. After the quiet run Sched held three
 * "Standup" items and the calendar two. Always run, before the random stories.
 */
const crashAfterTwoThenDelete: Step[] = [
  { kind: 'sync', crash: null },
  { kind: 'add', side: 'external', title: 'Standup', day: 11, hour: 7 },
  { kind: 'add', side: 'external', title: 'Standup', day: 11, hour: 7 },
  { kind: 'add', side: 'sched', title: 'Standup', day: 11, hour: 7 },
  { kind: 'sync', crash: { after: 2, when: 'before' } },
  { kind: 'delete', side: 'external', pick: 0 },
];

describe('engine properties over random edits, crashes and expired cursors', () => {
  it.each([
    { feed: 'google' as const, numRuns: 80 },
    { feed: 'graph' as const, numRuns: 150 },
  ])(
    'converges with a $feed calendar feed: after a quiet run both sides hold the same items, and the next run writes nothing',
    async ({ feed, numRuns }) => {
      await fc.assert(
        fc.asyncProperty(stepsArb(false, feed === 'graph'), strategyArb, async (steps, strategy) => {
          const world = new EngineWorld(strategy, feed);
          for (const step of steps) await world.apply(step);

          const quiet = await world.engine.run(world.connection());
          const writesAfterQuiet = world.writes();
          const second = await world.engine.run(world.connection());
          const preview = await world.engine.preview(world.connection());

          expect(quiet.status).toBe('ok');
          expect(world.contents().external).toEqual(world.contents().sched);
          expect(world.duplicates()).toEqual([]);
          expect(world.writes()).toBe(writesAfterQuiet);
          expect([second.created, second.updated, second.deleted]).toEqual([
            { sched: 0, external: 0 },
            { sched: 0, external: 0 },
            { sched: 0, external: 0 },
          ]);
          expect(preview.actions).toEqual([]);
        }),
        {
          numRuns,
          examples:
            feed === 'graph'
              ? [
                  [crashThenDelete, 'prefer-sched' as ConflictStrategy],
                  [crashAfterTwoThenDelete, 'prefer-sched' as ConflictStrategy],
                ]
              : [],
        },
      );
    },
  );

  it('a resync after losing the state DB creates nothing, deletes nothing and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(false), strategyArb, async (steps, strategy) => {
        const world = new EngineWorld(strategy);
        for (const step of steps) await world.apply(step);
        await world.engine.run(world.connection());
        const before = world.contents();
        const writesBefore = world.writes();

        await world.apply({ kind: 'lose-state' });
        const resync = await world.engine.run(world.connection());

        expect(resync.status).toBe('ok');
        expect(world.writes()).toBe(writesBefore);
        expect(world.contents()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});

describe('engine properties of undo and locations', () => {
  it('undoing a run sticks: the next run copies only what the undo restored alone, then nothing, and duplicates nothing', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(false), stepsArb(false), strategyArb, async (before, during, strategy) => {
        const world = new EngineWorld(strategy);
        for (const step of before) await world.apply(step);
        await world.engine.run(world.connection());
        for (const step of during.filter((s) => s.kind !== 'sync')) await world.apply(step);
        const run = await world.engine.run(world.connection());

        const undo = await world.undo(run.run_id);
        const next = await world.engine.run(world.connection());
        const after = await world.engine.run(world.connection());

        expect(undo.status).toBe('ok');
        // An item restored without its counterpart (the cause of its deletion) is a live item again: it gets one
        // copy. What the undo removed, or restored beside a live counterpart, is not copied.
        expect(next.created.sched).toBeLessThanOrEqual(undo.created.external);
        expect(next.created.external).toBeLessThanOrEqual(undo.created.sched);
        expect(after.created).toEqual({ sched: 0, external: 0 });
        expect(world.duplicates()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a location set in the calendar survives later edits of the bookings', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(false), strategyArb, async (steps, strategy) => {
        const world = new EngineWorld(strategy);
        for (const step of steps) await world.apply(step);
        await world.engine.run(world.connection());
        const settled = world.locations('external');

        world.renameAllBookings('(renamed)');
        const summary = await world.engine.run(world.connection());

        expect(summary.status).toBe('ok');
        expect(world.locations('external')).toEqual(settled);
        expect(world.contents().external).toEqual(world.contents().sched);
      }),
      { numRuns: 40 },
    );
  });
});

describe('engine properties when the state DB is lost at any point', () => {
  it('never duplicates an item and never deletes anything in the resync', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(true), strategyArb, async (steps, strategy) => {
        const world = new EngineWorld(strategy);
        const firstRunsAfterLoss: RunSummary[] = [];
        let lost = false;
        for (const step of steps) {
          const summary = await world.apply(step);
          if (step.kind === 'lose-state') lost = true;
          if (summary && lost) firstRunsAfterLoss.push(summary);
          if (summary) lost = false;
        }

        const quiet = await world.engine.run(world.connection());
        if (lost) firstRunsAfterLoss.push(quiet);

        expect(quiet.status).toBe('ok');
        expect(world.duplicates()).toEqual([]);
        expect(firstRunsAfterLoss.map((run) => run.deleted)).toEqual(
          firstRunsAfterLoss.map(() => ({ sched: 0, external: 0 })),
        );
      }),
      { numRuns: 60 },
    );
  });
});
