import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, type ExternalCalendar } from './fixtures/external-calendar';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';
import { connectedOutlookCalendar } from './fixtures/connected-calendar';

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
const path = (calendarId: string) => `/calendars/${encodeURIComponent(calendarId)}`;

async function connectSecond(calendar: ExternalCalendar, extra: Record<string, unknown> = {}) {
  const tokens = await fetch(`${world.sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: calendar.service, user: calendar.user }),
  }).then((r) => r.json() as Promise<{ refresh_token: string }>);
  return second.api('POST', '/calendars/connect', {
    resource_id: room,
    calendar_service: calendar.service,
    calendar_id: calendar.calendarId,
    oauth_token: tokens.refresh_token,
    sync_settings: { sync_frequency: 'manual' },
    ...extra,
  });
}

describe('one device per calendar', () => {
  let calendar: ExternalCalendar;

  beforeAll(async () => {
    calendar = googleCalendar(world.google('alex@sandbox.example'));
    await world.connect({
      resource_id: room,
      calendar_service: 'google',
      user: calendar.user,
      calendar_id: calendar.calendarId,
    });
    await world.sched.create({
      resource_id: room,
      title: 'Standup',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await world.sync(calendar.calendarId);
  });

  it('tells a second device which device syncs the calendar and since when, and changes nothing', async () => {
    const answer = await connectSecond(calendar);
    const listed = (await second.api('GET', '/calendars')).body.calendars;

    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toMatch(
      /^Meeting Room A's calendar is synced by .+ since \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\. Take it over/,
    );
    expect(listed).toEqual([]);
  });

  it('takes it over on request, and the copies stay single when both devices sync', async () => {
    const answer = await connectSecond(calendar, { takeover: true });
    const run = (await second.api('POST', '/sync', { calendar_id: calendar.calendarId })).body.runs[0];

    expect(answer.status).toBe(201);
    expect(run.status).toBe('ok');
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Standup']);
  });

  it('the first device stops syncing it and says which device has it', async () => {
    await world.restart();
    const refused = await world.api('POST', '/sync', { calendar_id: calendar.calendarId });
    const shown = (await world.api('GET', '/calendars')).body.calendars[0];
    const again = await world.api('POST', '/sync', { calendar_id: calendar.calendarId });

    expect(refused.status).toBe(409);
    expect(shown.sync_status).toBe('error');
    expect(shown.status_message).toMatch(/synced by .+ This device stopped syncing it/);
    expect(again.status).toBe(409);
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Standup']);
  });

  it('refuses an undo and a review from the device that lost the calendar, naming the holder', async () => {
    const run = (await world.api('GET', '/runs')).body.runs.find(
      (r: { calendar_id: string; kind: string }) =>
        r.calendar_id === calendar.calendarId && r.kind === 'sync',
    );

    const undo = await world.api('POST', `/runs/${run.run_id}/undo`);
    const review = await world.api('POST', `${path(calendar.calendarId)}/review`, { decision: 'apply' });

    for (const answer of [undo, review]) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toMatch(/is synced by .+ connect it again with takeover/);
    }
    expect((await calendar.events()).map((e) => e.title)).toEqual(['Standup']);
  });

  it('refuses a settings change from the device that lost the calendar, naming the holder', async () => {
    const answer = await world.api('PUT', path(calendar.calendarId), {
      sync_settings: { privacy: 'busy-only' },
    });

    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toMatch(/is synced by .+\. Take it over/);
  });

  it('just connects when taking over a calendar nobody holds', async () => {
    const other = googleCalendar(world.google('sam@sandbox.example'));

    const answer = await connectSecond(other, { takeover: true });

    expect(answer.status).toBe(201);
  });
});

describe('conflicts of a calendar another device took over', () => {
  const classroom = 'rsc_classroom_101';
  let calendar: ExternalCalendar;
  const listedHere = async () =>
    ((await world.api('GET', '/conflicts')).body.conflicts as { calendar_id: string }[]).filter(
      (c) => c.calendar_id === calendar.calendarId,
    );

  beforeAll(async () => {
    calendar = await connectedOutlookCalendar(world, {
      user: 'riley@sandbox.example',
      resource: classroom,
      name: 'Classroom',
    });
    await world.sched.create({
      resource_id: classroom,
      title: 'Exam',
      start: at(world.sandbox, 2, 10),
      end: at(world.sandbox, 2, 11),
    });
    await calendar.add({
      title: 'Chess club',
      start: at(world.sandbox, 2, 10),
      end: at(world.sandbox, 2, 11),
    });
    await world.sync(calendar.calendarId);
  });

  it('leave this device’s list once it notices, since no answer could be applied here', async () => {
    const before = await listedHere();

    const answer = await connectSecond(calendar, { takeover: true, resource_id: classroom });
    await world.restart();
    await world.api('POST', '/sync', { calendar_id: calendar.calendarId });

    expect(before).toHaveLength(1);
    expect(answer.status).toBe(201);
    expect(await listedHere()).toEqual([]);
  });
});
