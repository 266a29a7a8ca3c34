/**
 * One device per calendar, after a takeover (docs/sync-rules.md, "One device per calendar"): the device that lost a
 * calendar takes it back with `takeover: true` and syncs it from where it stopped; a disconnect on a device that
 * lost it leaves the calendar to the device that holds it, in Sched's Connected Calendars.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';

let world: SyncWorld;
let second: AgentUnderTest;
beforeAll(async () => {
  world = await startSyncWorld();
  second = await startAgentUnderTest(world.sandbox);
});
afterAll(async () => {
  await second?.dispose();
  await world?.dispose();
});

const room = 'rsc_meeting_room_a';

async function connect(agent: Pick<AgentUnderTest, 'api'>, calendar: ExternalCalendar, takeover: boolean) {
  const tokens = await call(`${world.sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: { provider: 'google', user: calendar.user },
  });
  return agent.api('POST', '/calendars/connect', {
    resource_id: room,
    calendar_service: 'google',
    calendar_id: calendar.calendarId,
    oauth_token: tokens.body.refresh_token,
    sync_settings: { sync_frequency: 'manual' },
    ...(takeover ? { takeover: true } : {}),
  });
}

/** The calendar's row in Sched's Connected Calendars, with the device that holds it. */
const inSched = async (calendarId: string) => {
  const { sched } = world.sandbox.info;
  const answer = await call(`${sched.base_url}/calendars`, { token: sched.api_key });
  return (answer.body.calendars as { calendar_id: string; device?: { id: string } }[]).find(
    (c) => c.calendar_id === calendarId,
  );
};

describe('after another device took a calendar over', () => {
  it('takes it back with takeover and syncs it here again, from where it stopped', async () => {
    const calendar = googleCalendar(world.google('alex@sandbox.example'));
    await connect(world, calendar, false);
    await world.sched.create({
      resource_id: room,
      title: 'Standup',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await world.sync(calendar.calendarId);
    await connect(second, calendar, true);
    await world.restart(); // reads Sched's list before its first run: it has lost the calendar
    const refused = await world.api('POST', '/sync', { calendar_id: calendar.calendarId });
    await world.sched.create({
      resource_id: room,
      title: 'Review',
      start: at(world.sandbox, 2, 9),
      end: at(world.sandbox, 2, 10),
    });

    const back = await connect(world, calendar, true);
    const run = await world.sync(calendar.calendarId);

    expect(refused.status).toBe(409);
    expect(back).toMatchObject({ status: 201, body: { sync_status: 'active' } });
    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect((await calendar.events()).map((e) => e.title).sort()).toEqual(['Review', 'Standup']);
  });

  it('disconnecting it on the device that lost it leaves it to the device that holds it', async () => {
    const calendar = googleCalendar(world.google('sam@sandbox.example'));
    await connect(world, calendar, false);
    const taken = await connect(second, calendar, true);
    const holder = (await inSched(calendar.calendarId))?.device;

    const gone = await world.api('DELETE', `/calendars/${encodeURIComponent(calendar.calendarId)}`);

    expect(taken.status).toBe(201);
    expect(gone.status).toBe(200);
    expect((await world.api('GET', '/calendars')).body.calendars).toHaveLength(1);
    expect((await inSched(calendar.calendarId))?.device).toEqual(holder);
    expect(holder).toBeDefined();
  });
});
