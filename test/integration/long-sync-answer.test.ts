import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';

const room = 'rsc_meeting_room_a';
const alex = 'alex@sandbox.example';
/** Every server timeout far shorter than the sync below, so whichever one applied to an answer would cut it. */
const shortTimeouts = {
  headersTimeoutMs: 500,
  requestTimeoutMs: 500,
  keepAliveTimeoutMs: 500,
  idleTimeoutMs: 500,
};
let sandbox: TestSandbox;
let agent: AgentUnderTest;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'empty' });
  agent = await startAgentUnderTest(sandbox, undefined, shortTimeouts);
});
afterAll(async () => {
  await agent?.dispose();
  await sandbox?.dispose();
});

describe('a long "Sync now"', () => {
  it('gets its answer when the sync takes longer than every server timeout', async () => {
    const { base_url, api_key } = sandbox.info.sched;
    const day = Date.UTC(
      new Date().getUTCFullYear(),
      new Date().getUTCMonth(),
      new Date().getUTCDate() + 1,
      9,
    );
    for (let i = 0; i < 2; i += 1) {
      await call(`${base_url}/bookings`, {
        method: 'POST',
        token: api_key,
        body: {
          resource_id: room,
          title: `Long sync ${i}`,
          start: new Date(day + i * 3_600_000).toISOString(),
          end: new Date(day + i * 3_600_000 + 1_800_000).toISOString(),
        },
      });
    }
    const { refresh_token } = (
      await call(`${sandbox.url}/sandbox/tokens`, {
        method: 'POST',
        body: { provider: 'google', user: alex },
      })
    ).body as { refresh_token: string };
    const connected = await agent.api('POST', '/calendars/connect', {
      resource_id: room,
      calendar_service: 'google',
      calendar_id: alex,
      oauth_token: refresh_token,
      sync_settings: { sync_frequency: 'manual', direction: 'sched-to-external' },
    });
    // Each Google request now takes a second, twice the server's every timeout.
    await call(`${sandbox.url}/sandbox/faults`, {
      method: 'POST',
      body: { target: 'google', status: 'slow', rate: 1, delay_ms: 1_000 },
    });

    const synced = await agent.api('POST', '/sync', { calendar_id: alex });

    expect(connected.status).toBe(201);
    expect(synced.status).toBe(200);
    expect(synced.body.runs[0]).toMatchObject({ created: { sched: 0, external: 2 } });
  });
});
