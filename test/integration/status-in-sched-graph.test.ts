import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../sandbox/helpers/start-test-sandbox';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const jordan = 'jordan@sandbox.example';
let calendarId = '';
const path = () => `/calendars/${encodeURIComponent(calendarId)}`;
const schedStatus = async () => {
  const { body } = await call(`${world.sandbox.info.sched.base_url}/calendars`, {
    token: world.sandbox.info.sched.api_key,
  });
  return (body.calendars as { calendar_id: string; sync_status: string }[]).find(
    (c) => c.calendar_id === calendarId,
  )?.sync_status;
};
/** Sched's `PUT /calendars/{id}` requests since the last stats reset (status and settings updates). */
const schedUpdates = async () => {
  const rows = (await call(`${world.sandbox.url}/sandbox/stats`)).body.requests as {
    service: string;
    method: string;
    route: string;
    count: number;
  }[];
  return rows
    .filter((r) => r.service === 'sched' && r.method === 'PUT' && r.route.startsWith('/v1/calendars/'))
    .reduce((sum, r) => sum + r.count, 0);
};

describe('a revoked Microsoft sign-in, as the person and Sched see it', () => {
  beforeAll(async () => {
    calendarId = await world.outlook(jordan).useDefaultCalendar();
    await world.connect({
      resource_id: 'rsc_meeting_room_a',
      calendar_service: 'microsoft',
      user: jordan,
      calendar_id: calendarId,
    });
    await world.sched.create({
      resource_id: 'rsc_meeting_room_a',
      title: 'Board meeting',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await world.sync(calendarId);
    await call(`${world.sandbox.url}/sandbox/revoke`, {
      method: 'POST',
      body: { provider: 'microsoft', user: jordan },
    });
    await world.api('POST', '/sync', { calendar_id: calendarId });
  });

  it('Sched, the connection and the account all show reauth_required', async () => {
    const accounts = (await world.api('GET', '/accounts')).body.accounts as { status: string }[];
    const connection = (await world.api('GET', '/calendars')).body.calendars[0];

    expect(await schedStatus()).toBe('reauth_required');
    expect(connection.sync_status).toBe('reauth_required');
    expect(accounts.map((a) => a.status)).toEqual(['reauth_required']);
  });

  it('preview and the calendar list answer 409 naming the account and Microsoft, and write nothing', async () => {
    const accounts = (await world.api('GET', '/accounts')).body.accounts as { account_id: string }[];
    await call(`${world.sandbox.url}/sandbox/stats/reset`, { method: 'POST' });

    const preview = await world.api('GET', `${path()}/preview`);
    const calendars = await world.api(
      'GET',
      `/accounts/${encodeURIComponent(accounts[0]!.account_id)}/calendars`,
    );

    for (const answer of [preview, calendars]) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('conflict');
      expect(answer.body.error.message).toMatch(/sign in again/i);
      expect(answer.body.error.message).toContain(jordan);
      expect(answer.body.error.message).toContain('Microsoft');
    }
    expect(await schedUpdates()).toBe(0);
    expect(await world.sched.bookings('rsc_meeting_room_a')).toHaveLength(1);
  });

  it('a new sign-in shows active in Sched at once; a quiet run after it sends Sched no status update', async () => {
    const tokens = await call(`${world.sandbox.url}/sandbox/tokens`, {
      method: 'POST',
      body: { provider: 'microsoft', user: jordan },
    });

    const updated = await world.api('PUT', path(), { oauth_token: tokens.body.refresh_token });
    const shownAfterUpdate = await schedStatus();
    const run = await world.sync(calendarId);
    await call(`${world.sandbox.url}/sandbox/stats/reset`, { method: 'POST' });
    const idle = await world.sync(calendarId);
    const accounts = (await world.api('GET', '/accounts')).body.accounts as { status: string }[];

    expect(updated.body.sync_status).toBe('active');
    expect(shownAfterUpdate).toBe('active');
    expect([run.status, idle.status]).toEqual(['ok', 'ok']);
    expect(await schedUpdates()).toBe(0);
    expect(await schedStatus()).toBe('active');
    expect(accounts.map((a) => a.status)).toEqual(['ok']);
  });
});
