/**
 * A remap asked for after a crashed run first finishes that run's writes on the old resource (docs/sync-rules.md,
 * "A remap after a sync that was cut short"). When they cannot be finished, the remap is refused and nothing of the
 * connection changes: same resource, no remap waiting, the crashed run's write still waiting to be finished.
 */
import { afterEach, expect, it } from 'vitest';
import { AgentWorld, calendars, slotAt } from './world';

let world: AgentWorld | null = null;
afterEach(async () => {
  await world?.dispose();
  world = null;
});

it('refuses a remap whose crashed run cannot be finished, changing nothing; asked again, it moves the booking once', async () => {
  world = await AgentWorld.create();
  const calendar = calendars[0]!;
  await world.connectByHand(calendar, 'r1');
  world.calendarProvider(calendar.id).add(slotAt('Standup', 1, 9));
  world.crash = { after: 0, when: 'after' };
  await world.agent.syncNow({ calendar_id: calendar.id }).catch(() => undefined);
  world.crash = null;
  await world.restart();
  world.resourceProvider('r1').faults.failNext('create', new Error('connect ECONNREFUSED sched.example:443'));

  const refused = world.agent.update({ calendar_id: calendar.id, resource_id: 'r2' });
  await expect(refused).rejects.toMatchObject({
    apiCode: 'unavailable',
    message: expect.stringMatching(/was not changed: its last sync stopped halfway.*r1.*ECONNREFUSED/),
  });
  const [after] = (await world.agent.list()).calendars;
  expect(after).toMatchObject({ resource_id: 'r1' });
  expect(world.db.remaps.pendingSince(calendar.id)).toBeNull();
  expect(world.db.outbox.unfinished(calendar.id)).toHaveLength(1);

  await world.agent.update({ calendar_id: calendar.id, resource_id: 'r2' });
  await world.agent.syncNow({ calendar_id: calendar.id });
  expect(world.resourceProvider('r1').live()).toEqual([]);
  expect(
    world
      .resourceProvider('r2')
      .live()
      .map((b) => b.title),
  ).toEqual(['Standup']);
});

it('refuses, while paused, a remap that would first have to finish a crashed remap run, and runs nothing', async () => {
  world = await AgentWorld.create();
  const calendar = calendars[0]!;
  await world.connectByHand(calendar, 'r1');
  world.resourceProvider('r1').add(slotAt('Standup', 1, 9));
  await world.agent.syncNow({ calendar_id: calendar.id });
  await world.agent.update({ calendar_id: calendar.id, resource_id: 'r2' });
  world.crash = { after: 0, when: 'before' };
  await world.agent.syncNow({ calendar_id: calendar.id }).catch(() => undefined);
  world.crash = null;
  await world.restart();
  await world.agent.update({ calendar_id: calendar.id, paused: true });
  const runs = (await world.agent.runs()).runs.length;

  const refused = world.agent.update({ calendar_id: calendar.id, resource_id: 'r3' });
  await expect(refused).rejects.toMatchObject({
    apiCode: 'conflict',
    message: expect.stringMatching(/was not changed: its last sync, moving it to r2, .*paused/),
  });
  const [after] = (await world.agent.list()).calendars;
  expect(after).toMatchObject({ resource_id: 'r2', sync_status: 'paused' });
  expect((await world.agent.runs()).runs).toHaveLength(runs);

  await world.agent.update({ calendar_id: calendar.id, paused: false });
  await world.agent.update({ calendar_id: calendar.id, resource_id: 'r3' });
  await world.agent.syncNow({ calendar_id: calendar.id });
  // The booking is Sched's own, on r1; its copy left the calendar, which now mirrors r3 (nothing booked there).
  expect(
    world
      .resourceProvider('r1')
      .live()
      .map((b) => b.title),
  ).toEqual(['Standup']);
  expect(world.calendarProvider(calendar.id).live()).toEqual([]);
});
