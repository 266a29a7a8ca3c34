/**
 * A crashed run's create, sent again by the next run at the event's old time, is refused there (the slot is taken);
 * the person had moved the event meanwhile, so the same run books it at its new time. The double booking the replay
 * recorded then names an event that has its booking: it leaves the list in that run, not one run later.
 */
import { afterEach, expect, it } from 'vitest';
import { AgentWorld, calendars, slotAt } from './world';

let world: AgentWorld | null = null;
afterEach(async () => {
  await world?.dispose();
  world = null;
});

it('books the moved event and lists no double booking for it', async () => {
  world = await AgentWorld.create();
  const calendar = calendars[0]!;
  await world.connectByHand(calendar, 'r1');
  world.resourceProvider('r1').add(slotAt('Standup', 1, 9));
  const event = world.calendarProvider(calendar.id).add(slotAt('Dentist', 1, 9));
  world.crash = { after: 1, when: 'before' };
  await world.agent.syncNow({ calendar_id: calendar.id }).catch(() => undefined);
  world.crash = null;
  await world.restart();
  const moved = slotAt('Dentist', 0, 9);
  world.calendarProvider(calendar.id).edit(event.id, { start: moved.start, end: moved.end });

  const [run] = (await world.agent.syncNow({ calendar_id: calendar.id })).runs;

  expect(run).toMatchObject({ status: 'ok', created: { sched: 1 } });
  expect(
    world
      .resourceProvider('r1')
      .live()
      .map((b) => b.title)
      .sort(),
  ).toEqual(['Dentist', 'Standup']);
  expect((await world.agent.conflicts()).conflicts).toEqual([]);
});
