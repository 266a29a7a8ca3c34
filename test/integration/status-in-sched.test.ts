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

const alex = 'alex@sandbox.example';
const path = `/calendars/${encodeURIComponent(alex)}`;
const schedStatus = async () => {
  const { body } = await call(`${world.sandbox.info.sched.base_url}/calendars`, {
    token: world.sandbox.info.sched.api_key,
  });
  return (body.calendars as { calendar_id: string; sync_status: string }[]).find(
    (c) => c.calendar_id === alex,
  )?.sync_status;
};

describe('a revoked sign-in, as the person and Sched see it', () => {
  beforeAll(async () => {
    await world.connect({
      resource_id: 'rsc_meeting_room_a',
      calendar_service: 'google',
      user: alex,
      calendar_id: alex,
    });
    await world.sched.create({
      resource_id: 'rsc_meeting_room_a',
      title: 'Induction',
      start: at(world.sandbox, 1, 9),
      end: at(world.sandbox, 1, 10),
    });
    await world.sync(alex);
    await call(`${world.sandbox.url}/sandbox/revoke`, {
      method: 'POST',
      body: { provider: 'google', user: alex },
    });
    await world.api('POST', '/sync', { calendar_id: alex });
  });

  it('Sched shows reauth_required while the sign-in is refused', async () => {
    expect(await schedStatus()).toBe('reauth_required');
  });

  it('preview and the account’s calendar list say to sign in again instead of failing with a 500', async () => {
    const accounts = (await world.api('GET', '/accounts')).body.accounts as { account_id: string }[];
    const preview = await world.api('GET', `${path}/preview`);
    const calendars = await world.api(
      'GET',
      `/accounts/${encodeURIComponent(accounts[0]!.account_id)}/calendars`,
    );

    for (const answer of [preview, calendars]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.error.message).toMatch(/sign in again/i);
    }
  });

  it('after signing in again, Sched shows the calendar active once more', async () => {
    const tokens = await call(`${world.sandbox.url}/sandbox/tokens`, {
      method: 'POST',
      body: { provider: 'google', user: alex },
    });

    const updated = await world.api('PUT', path, { oauth_token: tokens.body.refresh_token });
    const run = await world.sync(alex);

    expect(updated.body.sync_status).toBe('active');
    expect(run.status).toBe('ok');
    expect(await schedStatus()).toBe('active');
  });
});
