import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { rawRequest } from '../unit/transport/raw-http';
import { signInAtBrowser } from './helpers/browser-sign-in';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';

const room = 'rsc_meeting_room_a';
const alex = 'alex@sandbox.example';
let sandbox: TestSandbox;
let agent: AgentUnderTest;
let holder: ChildProcess | undefined;

const port = () => Number(new URL(agent.host.url).port);
const send = (method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) =>
  rawRequest(agent.host.url, {
    method,
    path: `/api${path}`,
    body,
    headers: { authorization: `Bearer ${agent.host.token}`, 'content-type': 'application/json', ...headers },
  });
/** What a person could see changed: settings, connected calendars and signed-in accounts. */
const visibleState = async () => ({
  settings: (await agent.api('GET', '/settings')).body,
  calendars: (await agent.api('GET', '/calendars')).body,
  accounts: (await agent.api('GET', '/accounts')).body,
});
const openDescriptors = () => readdirSync('/proc/self/fd').length;

/** Starts the idle-socket holder as another process; resolves with what it saw once all are attempted. */
async function holdIdleSockets(count: number): Promise<{ connected: number }> {
  holder = spawn(
    process.execPath,
    [join(import.meta.dirname, 'fixtures', 'hold-idle-sockets.mjs'), String(port()), String(count)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: holder.stdout! });
  for await (const line of lines) return JSON.parse(line) as { connected: number };
  throw new Error('the idle-socket holder ended without a report');
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await startAgentUnderTest(sandbox);
});
afterAll(async () => {
  holder?.kill();
  await agent?.dispose();
  await sandbox?.dispose();
});

describe('the agent against hostile local clients', () => {
  it('keeps answering, keychain included, while another process holds 2,000 idle sockets to it', async () => {
    const seen = await holdIdleSockets(2_000);
    const { refresh_token } = (
      await call(`${sandbox.url}/sandbox/tokens`, {
        method: 'POST',
        body: { provider: 'google', user: alex },
      })
    ).body as { refresh_token: string };

    const status = await agent.api('GET', '/status');
    const connected = await agent.api('POST', '/calendars/connect', {
      resource_id: room,
      calendar_service: 'google',
      calendar_id: alex,
      oauth_token: refresh_token,
      sync_settings: { sync_frequency: 'manual' },
    });

    expect(seen.connected).toBe(2_000);
    expect(agent.host.transport.openConnections()).toBeLessThanOrEqual(256);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ keychain: 'available', connections: 0 });
    expect(connected.status).toBe(201);
    expect(await agent.secrets.get(`refresh-token:google:${alex}`)).toBe(refresh_token);
    holder?.kill();
  });

  it('holds one sign-in per provider after 1,000 sign-in starts, and the newest one completes', async () => {
    const before = openDescriptors();
    const answers: number[] = [];
    for (let i = 0; i < 1_000; i += 25) {
      const batch = Array.from({ length: 25 }, (_, j) =>
        agent.api('POST', `/accounts/${(i + j) % 2 ? 'microsoft' : 'google'}/sign-in`),
      );
      answers.push(...(await Promise.all(batch)).map((answer) => answer.status));
    }
    const after = openDescriptors();

    const newest = await agent.api('POST', '/accounts/google/sign-in');
    const page = await signInAtBrowser(newest.body.auth_url as string, 'sam@sandbox.example', 'allow');
    const status = await agent.api('GET', '/status');

    expect(answers).toEqual(Array(1_000).fill(200));
    // 1,000 listeners would be 1,000 descriptors; what is left is the two sign-ins and the test's own sockets.
    expect(after - before).toBeLessThan(60);
    expect(page).toContain('Signed in');
    expect(status.status).toBe(200);
  });

  it('answers a 5 MB body with 413 and changes nothing', async () => {
    const state = await visibleState();

    const answer = await send(
      'PUT',
      '/settings',
      JSON.stringify({ auto_start: false, pad: 'x'.repeat(5_000_000) }),
    );

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('validation');
    expect(await visibleState()).toEqual(state);
  });

  it('refuses null, an array and a byte-order mark with 400, and changes nothing', async () => {
    const state = await visibleState();

    const answers = [
      await send('PUT', '/settings', 'null'),
      await send('POST', '/sync', 'null'),
      await send('PUT', '/settings', '[{"auto_start":false}]'),
      await send('POST', '/calendars/connect', '[]'),
      await send('PUT', '/settings', Buffer.from('\uFEFF{"auto_start":false}')),
    ];

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.map((a) => JSON.parse(a.body).error.message)).toEqual([
      'body: must be a JSON object, not null.',
      'body: must be a JSON object, not null.',
      'body: must be a JSON object, not an array.',
      'body: must be a JSON object, not an array.',
      'body: starts with a byte-order mark; send UTF-8 JSON without one.',
    ]);
    expect((await agent.api('GET', '/runs')).body.runs).toEqual([]);
    expect(await visibleState()).toEqual(state);
  });

  it('refuses a request for another Host, token or not', async () => {
    const state = await visibleState();

    const rebound = await send('PUT', '/settings', '{"auto_start":false}', {
      host: 'sched-sync.evil.example',
    });
    const otherPort = await send('GET', '/status', undefined, { host: `127.0.0.1:${port() + 1}` });

    expect(rebound.status).toBe(421);
    expect(otherPort.status).toBe(421);
    expect(await visibleState()).toEqual(state);
  });
});
