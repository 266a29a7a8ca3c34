import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';

const room = 'rsc_meeting_room_a';
const alex = 'alex@sandbox.example';
let sandbox: TestSandbox;
let agent: AgentUnderTest;
let refreshToken: string;

const tokensFor = async (provider: string, user: string) =>
  (await call(`${sandbox.url}/sandbox/tokens`, { method: 'POST', body: { provider, user } })).body as {
    refresh_token: string;
  };
const schedCalendars = async () =>
  (await call(`${sandbox.info.sched.base_url}/calendars`, { token: sandbox.info.sched.api_key })).body
    .calendars;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await startAgentUnderTest(sandbox);
  refreshToken = (await tokensFor('google', alex)).refresh_token;
});
afterAll(async () => {
  await agent?.dispose();
  await sandbox?.dispose();
});

describe('the agent API over HTTP', () => {
  it('starts in Sandbox mode with a working keychain', async () => {
    const { status, body } = await agent.api('GET', '/status');

    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: 'sandbox', keychain: 'available', connections: 0 });
  });

  it("lists Sched's resources", async () => {
    const { body } = await agent.api('GET', '/sched/resources');

    expect(body.resources.map((r: { id: string }) => r.id)).toContain(room);
  });

  it('refuses bad connect requests, naming the field, and changes nothing', async () => {
    const badService = await agent.api('POST', '/calendars/connect', {
      resource_id: room,
      calendar_service: 'yahoo',
      calendar_id: alex,
    });
    const badResource = await agent.api('POST', '/calendars/connect', {
      resource_id: 'rsc_nope',
      calendar_service: 'google',
      calendar_id: alex,
      oauth_token: refreshToken,
    });
    const badToken = await agent.api('POST', '/calendars/connect', {
      resource_id: room,
      calendar_service: 'google',
      calendar_id: alex,
      oauth_token: 'not-a-real-token',
    });

    expect(badService.status).toBe(400);
    expect(badService.body.error.message).toMatch(/^calendar_service: /);
    expect(badResource.status).toBe(400);
    expect(badResource.body.error.message).toMatch(/^resource_id: /);
    const badCalendar = await agent.api('POST', '/calendars/connect', {
      resource_id: room,
      calendar_service: 'google',
      calendar_id: 'nobody@sandbox.example',
      oauth_token: refreshToken,
    });

    expect(badCalendar.status).toBe(400);
    expect(badCalendar.body.error.message).toMatch(/^calendar_id: /);
    expect(await agent.secrets.get(`refresh-token:google:${alex}`)).toBeNull();
    expect(badToken.status).toBe(400);
    expect(badToken.body.error.message).toMatch(/^oauth_token: /);
    expect((await agent.api('GET', '/calendars')).body.calendars).toEqual([]);
    expect(await schedCalendars()).toEqual([]);
  });

  it('connects a calendar with a refresh token and registers it with Sched without the token', async () => {
    const { status, body } = await agent.api('POST', '/calendars/connect', {
      resource_id: room,
      calendar_service: 'google',
      calendar_id: alex,
      oauth_token: refreshToken,
      sync_settings: { sync_frequency: 'manual' },
    });

    expect(status).toBe(201);
    expect(body).toMatchObject({ calendar_id: alex, sync_status: 'active', account_id: `google:${alex}` });
    expect(JSON.stringify(body)).not.toContain(refreshToken);
    expect(await schedCalendars()).toEqual([
      expect.objectContaining({ resource_id: room, calendar_service: 'google', calendar_id: alex }),
    ]);
  });

  it('refuses to connect the same calendar twice', async () => {
    const { status, body } = await agent.api('POST', '/calendars/connect', {
      resource_id: 'rsc_classroom_101',
      calendar_service: 'google',
      calendar_id: alex,
    });

    expect(status).toBe(409);
    expect(body.error.message).toContain('already connected');
  });

  it('previews the first run without applying anything', async () => {
    const preview = await agent.api('GET', `/calendars/${encodeURIComponent(alex)}/preview`);
    const again = await agent.api('GET', `/calendars/${encodeURIComponent(alex)}/preview`);

    expect(preview.status).toBe(200);
    expect(preview.body.guard.verdict).toBe('ok');
    expect(preview.body.counts.create.external).toBeGreaterThan(0);
    expect(preview.body.changes[0]).toMatchObject({ action: 'create' });
    expect(again.body.counts).toEqual(preview.body.counts);
    expect((await agent.api('GET', '/runs')).body.runs).toEqual([]);
  });

  it('syncs, then an idle run writes nothing and costs one list per side', async () => {
    const first = await agent.api('POST', '/sync', { calendar_id: alex });
    await call(`${sandbox.url}/sandbox/stats/reset`, { method: 'POST' });
    const second = await agent.api('POST', '/sync', { calendar_id: alex });
    const stats = (await call(`${sandbox.url}/sandbox/stats`)).body.requests as {
      service: string;
      count: number;
    }[];

    const run = first.body.runs[0];
    expect(run.status).toBe('ok');
    expect(run.created.external + run.created.sched).toBeGreaterThan(0);
    const idle = second.body.runs[0];
    expect(idle).toMatchObject({
      status: 'ok',
      created: { sched: 0, external: 0 },
      updated: { sched: 0, external: 0 },
    });
    expect(idle.requests).toBe(2);
    expect(stats.filter((s) => s.service !== 'oauth').reduce((n, s) => n + s.count, 0)).toBe(2);
  });

  it('lists the runs it made', async () => {
    const { body } = await agent.api('GET', '/runs');

    expect(body.runs.length).toBeGreaterThanOrEqual(2);
    expect(body.runs[0]).toMatchObject({ calendar_id: alex, kind: 'sync' });
  });

  it('keeps connections across a restart', async () => {
    await agent.restart();

    const { body } = await agent.api('GET', '/calendars');

    expect(body.calendars).toEqual([expect.objectContaining({ calendar_id: alex, resource_id: room })]);
  });

  it('writes no token or key to any file in its data dir', async () => {
    const files = await filesUnder(agent.dataDir);
    const contents = await Promise.all(files.map((f) => readFile(f).then((b) => b.toString('latin1'))));

    for (const content of contents) {
      expect(content).not.toContain(refreshToken);
      expect(content).not.toContain(sandbox.info.sched.api_key);
    }
    expect((await stat(join(agent.dataDir, 'agent-token'))).mode & 0o077).toBe(0);
  });

  it('goes to reauth_required when the sign-in is revoked, and resumes with a new token', async () => {
    await call(`${sandbox.url}/sandbox/revoke`, { method: 'POST', body: { provider: 'google', user: alex } });

    await agent.api('POST', '/sync', { calendar_id: alex });
    const revoked = (await agent.api('GET', '/calendars')).body.calendars[0];
    const blocked = await agent.api('POST', '/sync', { calendar_id: alex });
    const fresh = (await tokensFor('google', alex)).refresh_token;
    const updated = await agent.api('PUT', `/calendars/${encodeURIComponent(alex)}`, { oauth_token: fresh });
    const resumed = await agent.api('POST', '/sync', { calendar_id: alex });

    expect(revoked.sync_status).toBe('reauth_required');
    expect(blocked.status).toBe(409);
    expect(updated.body.sync_status).toBe('active');
    expect(resumed.body.runs[0]).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
  });

  it('disconnects with the documented message and unregisters from Sched', async () => {
    const { status, body } = await agent.api('DELETE', `/calendars/${encodeURIComponent(alex)}`);

    expect(status).toBe(200);
    expect(body).toEqual({ message: 'Calendar disconnected successfully.' });
    expect((await agent.api('GET', '/calendars')).body.calendars).toEqual([]);
    expect(await schedCalendars()).toEqual([]);
  });
});
