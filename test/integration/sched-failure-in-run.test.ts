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

describe('Sched failing during a run', () => {
  it('leaves a status message saying what Sched answered, and the next run recovers', async () => {
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
    await call(`${world.sandbox.url}/sandbox/faults`, {
      method: 'POST',
      body: { target: 'sched', status: 503, count: 50 },
    });

    const failed = await world.api('POST', '/sync', { calendar_id: alex });
    const during = (await world.api('GET', '/calendars')).body.calendars[0];
    await call(`${world.sandbox.url}/sandbox/faults`, { method: 'DELETE' });
    const recovered = await world.sync(alex);
    const after = (await world.api('GET', '/calendars')).body.calendars[0];

    expect(failed.status).toBe(503);
    expect(failed.body.error.message).toBe(
      'Sched kept failing (HTTP 503 unavailable: Sandbox fault injected: 503.) after 5 attempts; syncing resumes on the next run.',
    );
    expect(during.sync_status).toBe('error');
    expect(during.status_message).toContain('Sched kept failing (HTTP 503');
    expect(during.status_message).toContain('Sandbox fault injected: 503.');
    expect(recovered.status).toBe('ok');
    expect(after).toMatchObject({ sync_status: 'active', status_message: null });
  });
});
