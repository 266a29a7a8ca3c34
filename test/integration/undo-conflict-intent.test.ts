/**
 * A conflict an undo made says what the undo wanted (from the journal of the run it reverted), and answering a
 * conflict says its outcome in words; against the sandbox through the agent's HTTP API.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
let calendar: ExternalCalendar;

beforeAll(async () => {
  world = await startSyncWorld();
  calendar = googleCalendar(world.google('alex@sandbox.example'));
});
afterAll(async () => {
  await world?.dispose();
});

it('an undo that finds its copy edited since says it wanted to remove it, and the answer reads in words', async () => {
  await world.sched.create({
    resource_id: 'rsc_meeting_room_a',
    title: 'Induction',
    start: at(world.sandbox, 2, 9),
    end: at(world.sandbox, 2, 10),
  });
  await world.connect({
    resource_id: 'rsc_meeting_room_a',
    calendar_service: 'google',
    user: calendar.user,
    calendar_id: calendar.calendarId,
  });
  const run = await world.sync(calendar.calendarId);
  const [copy] = await calendar.events();
  await calendar.edit(copy!.id, { title: 'Induction (bring a laptop)' });

  const undo = await world.api('POST', `/runs/${run.run_id}/undo`);
  const listed = await world.api('GET', '/conflicts');
  const conflict = listed.body.conflicts[0];
  const answer = await world.api('POST', `/conflicts/${conflict.id}/resolve`, {
    resolution: 'keep-external',
  });

  expect(undo.body).toMatchObject({ kind: 'undo', conflicts: 1 });
  expect(conflict.undo).toMatchObject({
    wanted: 'remove',
    side: 'external',
    run_started_at: expect.any(String),
    item: expect.objectContaining({ title: 'Induction' }),
  });
  expect(answer).toMatchObject({
    status: 200,
    body: { message: "Kept the calendar's version of “Induction (bring a laptop)”." },
  });
});
