/**
 * "Sync all" when one calendar's run fails before it starts (its remap's old pairing cannot be read: the sign-in was
 * refused): the answer is that failure, and it comes only once every other calendar's run has ended, so no run goes
 * on writing behind the answer. The failed calendar shows what a run would have said: sign in again.
 */
import { afterEach, expect, it } from 'vitest';
import { AgentWorld, calendars, slotAt } from './world';

let world: AgentWorld | null = null;
afterEach(async () => {
  await world?.dispose();
  world = null;
});

it('answers a failure only after the other calendars’ runs have ended', async () => {
  world = await AgentWorld.create();
  const google = calendars[0]!;
  const outlook = calendars[2]!;
  await world.connectByHand(google, 'r2');
  await world.connectByHand(outlook, 'r1');
  world.resourceProvider('r1').add(slotAt('Standup', 1, 9));
  for (const calendar of [google, outlook]) await world.agent.syncNow({ calendar_id: calendar.id });
  await world.agent.update({ calendar_id: google.id, resource_id: 'r1' });
  await world.loseState();
  world.revoked.add('google:ops@example.com');

  await expect(world.agent.syncNow()).rejects.toThrow(/sign-in/);

  const views = (await world.agent.list()).calendars;
  expect(views.find((c) => c.calendar_id === outlook.id)?.sync_status).toBe('active');
  // The calendar whose run could not start asks for a sign-in, as a run refused by the service would.
  expect(views.find((c) => c.calendar_id === google.id)?.sync_status).toBe('reauth_required');
  expect((await world.agent.runs()).runs.filter((run) => run.status === 'running')).toEqual([]);
});
