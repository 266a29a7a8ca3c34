import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';
import { signInAtBrowser } from './helpers/browser-sign-in';

let sandbox: TestSandbox;
let agent: AgentUnderTest;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await startAgentUnderTest(sandbox);
});
afterAll(async () => {
  await agent?.dispose();
  await sandbox?.dispose();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The condition never held.');
}

describe('accounts through the agent API', () => {
  it('signs in to Google through the browser flow and lists the calendars of the account', async () => {
    const { body } = await agent.api('POST', '/accounts/google/sign-in');
    const page = await signInAtBrowser(body.auth_url, 'alex@sandbox.example', 'allow');
    const accounts = await until(
      async () => (await agent.api('GET', '/accounts')).body.accounts,
      (list: unknown[]) => list.length === 1,
    );
    const calendars = await agent.api(
      'GET',
      `/accounts/${encodeURIComponent('google:alex@sandbox.example')}/calendars`,
    );

    expect(page).toMatch(/signed in/i);
    expect(accounts).toEqual([
      {
        account_id: 'google:alex@sandbox.example',
        provider: 'google',
        email: 'alex@sandbox.example',
        status: 'ok',
      },
    ]);
    expect(calendars.body.calendars).toContainEqual(
      expect.objectContaining({ id: 'alex@sandbox.example', primary: true, connected: false }),
    );
  });

  it('signs in to Microsoft the same way', async () => {
    const { body } = await agent.api('POST', '/accounts/microsoft/sign-in');
    await signInAtBrowser(body.auth_url, 'jordan@sandbox.example', 'allow');
    const accounts = await until(
      async () => (await agent.api('GET', '/accounts')).body.accounts as { provider: string }[],
      (list) => list.some((a) => a.provider === 'microsoft'),
    );
    const id = 'microsoft:jordan@sandbox.example';
    const calendars = await agent.api('GET', `/accounts/${encodeURIComponent(id)}/calendars`);

    expect(accounts.map((a: { provider: string }) => a.provider).sort()).toEqual(['google', 'microsoft']);
    expect(calendars.body.calendars.length).toBeGreaterThanOrEqual(2);
  });

  it('a denied sign-in adds no account', async () => {
    const before = (await agent.api('GET', '/accounts')).body.accounts.length;
    const { body } = await agent.api('POST', '/accounts/google/sign-in');

    const page = await signInAtBrowser(body.auth_url, 'sam@sandbox.example', 'deny');

    expect(page).toMatch(/denied|not signed in|cancel/i);
    expect((await agent.api('GET', '/accounts')).body.accounts).toHaveLength(before);
  });

  it('connects with the signed-in account without passing a token', async () => {
    const { status, body } = await agent.api('POST', '/calendars/connect', {
      resource_id: 'rsc_dr_maria_lopez',
      calendar_service: 'microsoft',
      calendar_id: (
        await agent.api(
          'GET',
          `/accounts/${encodeURIComponent('microsoft:jordan@sandbox.example')}/calendars`,
        )
      ).body.calendars[0].id,
      sync_settings: { sync_frequency: 'manual' },
    });

    expect(status).toBe(201);
    expect(body.account_id).toBe('microsoft:jordan@sandbox.example');
  });

  it('refuses to sign out of an account a connection uses, and signs out of one that is free', async () => {
    const used = await agent.api(
      'DELETE',
      `/accounts/${encodeURIComponent('microsoft:jordan@sandbox.example')}`,
    );
    const free = await agent.api('DELETE', `/accounts/${encodeURIComponent('google:alex@sandbox.example')}`);

    expect(used.status).toBe(409);
    expect(used.body.error.message).toMatch(
      /^Cannot sign out of jordan@sandbox\.example: it syncs the calendar ".+" \(for Sched resource rsc_dr_maria_lopez\)\. Disconnect it first, then sign out\.$/,
    );
    expect(free.status).toBe(200);
    expect(
      (await agent.api('GET', '/accounts')).body.accounts.map((a: { email: string }) => a.email),
    ).toEqual(['jordan@sandbox.example']);
  });

  it('answers 404 for an unknown account and 400 for an unknown provider', async () => {
    expect((await agent.api('GET', '/accounts/google%3Anobody/calendars')).status).toBe(404);
    const bad = await agent.api('POST', '/accounts/yahoo/sign-in');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^provider: /);
  });
});

describe('settings and Sched through the agent API', () => {
  it('reads and updates settings, refusing bad values with the field named', async () => {
    const updated = await agent.api('PUT', '/settings', {
      auto_start: false,
      default_sync_settings: { conflict_resolution: 'newest' },
    });
    const bad = await agent.api('PUT', '/settings', { default_sync_settings: { window_days_past: -1 } });
    const read = await agent.api('GET', '/settings');

    expect(updated.body).toMatchObject({
      auto_start: false,
      default_sync_settings: { conflict_resolution: 'newest' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^default_sync_settings\.window_days_past: /);
    expect(read.body).toEqual(updated.body);
  });

  it('refuses a wrong Sched API key, saying what Sched answered, logs it, and stays in Sandbox mode', async () => {
    const logged = agent.logs.length;
    const { status, body } = await agent.api('PUT', '/sched', {
      base_url: sandbox.info.sched.base_url,
      api_key: 'wrong-key',
    });
    const lines = agent.logs.slice(logged);

    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'validation' });
    expect(body.error.message).toMatch(/^api_key: Sched refused this API key \(HTTP 401\)/);
    expect(body.error.message).not.toContain('wrong-key');
    expect(lines).toContainEqual(
      expect.objectContaining({ op: 'configureSched', code: 'validation', message: body.error.message }),
    );
    expect(JSON.stringify(lines)).not.toContain('wrong-key');
    expect((await agent.api('GET', '/status')).body.mode).toBe('sandbox');
  });

  it('rejects a Sched URL that is not https', async () => {
    const { status, body } = await agent.api('PUT', '/sched', {
      base_url: 'http://sched.example/v1',
      api_key: 'k',
    });

    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^base_url: /);
  });

  it('streams status events to a subscriber', async () => {
    const controller = new AbortController();
    const response = await fetch(`${agent.host.url}/api/events`, {
      headers: { authorization: `Bearer ${agent.host.token}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const calendarId = (await agent.api('GET', '/calendars')).body.calendars[0].calendar_id;

    void agent.api('POST', '/sync', { calendar_id: calendarId });
    let text = '';
    while (!text.includes('event: run-finished'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();

    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(text).toContain('event: run-started');
  });

  it('leaves Sandbox mode when a real Sched is configured, forgetting the demo connections and sign-ins', async () => {
    const { status, body } = await agent.api('PUT', '/sched', {
      base_url: sandbox.info.sched.base_url,
      api_key: sandbox.info.sched.api_key,
    });
    const after = (await agent.api('GET', '/status')).body;

    expect(status).toBe(200);
    expect(body).toEqual({ base_url: sandbox.info.sched.base_url, mode: 'live' });
    expect(after).toMatchObject({ mode: 'live', connections: 0, sched: { configured: true } });
    expect((await agent.api('GET', '/accounts')).body.accounts).toEqual([]);
  });
});
