import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServices } from '../../main/agent/environment';
import { startAgentHost, type AgentHost } from '../../main/cli/headless-agent';
import { KeychainSecretStore, secretKeys } from '../../main/secrets';
import type { Deployment } from '../../main/store/deployment-file';
import { startTestSandbox, type JsonBody, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { signInAtBrowser } from './helpers/browser-sign-in';

// Live mode with the sandbox posing as Sched, Google and Microsoft: the agent is started the way a packaged app
// is, with no SCHED_SYNC_* variable, its sign-in apps from Settings and from an administrator's deployment file.
let sandbox: TestSandbox;
let host: AgentHost;
let dataDir: string;
let secrets: KeychainSecretStore;
const deploymentPath = '/etc/sched-sync/sched-sync.json';

async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: JsonBody }> {
  const response = await fetch(`${host.url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${host.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'empty' });
  dataDir = await mkdtemp(join(tmpdir(), 'sched-live-'));
  secrets = new KeychainSecretStore({ service: `sched-sync-test-${randomUUID()}` });
  await secrets.set(secretKeys.schedApiKey, sandbox.info.sched.api_key);
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ mode: 'live', sched: { base_url: sandbox.info.sched.base_url } }),
  );
  const { google, microsoft } = sandbox.info;
  const liveServices: LiveServices = {
    google: { auth_url: google.auth_url, token_url: google.token_url, root_url: google.root_url },
    microsoft: {
      authority: () => microsoft.authority,
      graph_url: microsoft.graph_url,
      protocol_mode: 'OIDC',
    },
  };
  const deployment: Deployment = {
    path: deploymentPath,
    settings: {
      oauth_clients: { microsoft: { client_id: microsoft.client_id } },
      locked: ['oauth_clients.microsoft'],
    },
  };
  host = await startAgentHost({ dataDir, port: 0, secrets, env: {}, deployment, liveServices });
});

afterAll(async () => {
  await host?.close();
  for (const key of [secretKeys.schedApiKey, 'oauth-client-secret:google']) await secrets?.delete(key);
  await secrets?.delete(secretKeys.refreshToken(`google:${sandbox.info.google.users[0]}`));
  await rm(dataDir, { recursive: true, force: true });
  await sandbox?.dispose();
});

const loopbackRedirect = /^http:\/\/127\.0\.0\.1:\d+\/.*/;

describe('live mode without environment variables', () => {
  it('runs live with no SCHED_SYNC_* variable and says where to add a missing sign-in app', async () => {
    const status = await api('GET', '/status');
    const signIn = await api('POST', '/accounts/google/sign-in');

    expect(Object.keys(process.env).filter((name) => name.startsWith('SCHED_SYNC_'))).toEqual([]);
    expect(status.body.mode).toBe('live');
    expect(signIn.status).toBe(503);
    expect(signIn.body.error.message).toMatch(/Settings → Accounts → Sign-in apps/);
  });

  it('keeps a Google sign-in app typed in Settings, its secret in the keychain and never returned', async () => {
    const { client_id, client_secret } = sandbox.info.google;

    const saved = await api('PUT', '/settings', { oauth_clients: { google: { client_id, client_secret } } });
    const file = await readFile(join(dataDir, 'settings.json'), 'utf8');

    expect(saved.status).toBe(200);
    expect(saved.body.oauth_clients.google).toEqual({
      client_id,
      has_client_secret: true,
      source: 'settings',
    });
    expect(JSON.stringify(saved.body)).not.toContain(client_secret);
    expect(file).toContain(client_id);
    expect(file).not.toContain(client_secret);
    expect(await secrets.get('oauth-client-secret:google')).toBe(client_secret);
  });

  it('starts a Google sign-in with that client id, PKCE S256 and a loopback redirect, and completes it', async () => {
    const { body } = await api('POST', '/accounts/google/sign-in');
    const url = new URL(body.auth_url);
    const email = sandbox.info.google.users[0]!;

    const page = await signInAtBrowser(body.auth_url, email, 'allow');
    const accounts = await until(async () => (await api('GET', '/accounts')).body.accounts as unknown[]);

    expect(`${url.origin}${url.pathname}`).toBe(sandbox.info.google.auth_url);
    expect(url.searchParams.get('client_id')).toBe(sandbox.info.google.client_id);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toMatch(loopbackRedirect);
    expect(page).toMatch(/signed in/i);
    expect(accounts).toEqual([expect.objectContaining({ account_id: `google:${email}`, status: 'ok' })]);
  });

  it("starts a Microsoft sign-in with the deployment file's client id, PKCE S256 and a loopback redirect", async () => {
    const settings = await api('GET', '/settings');
    const { body } = await api('POST', '/accounts/microsoft/sign-in');
    const url = new URL(body.auth_url);

    expect(settings.body.oauth_clients.microsoft).toEqual({
      client_id: sandbox.info.microsoft.client_id,
      tenant: 'common',
      source: 'deployment',
    });
    expect(url.origin).toBe(new URL(sandbox.info.microsoft.authority).origin);
    expect(url.searchParams.get('client_id')).toBe(sandbox.info.microsoft.client_id);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(loopbackRedirect);
  });

  it('refuses to change a sign-in app the administrator locked, naming it, and changes nothing', async () => {
    const refused = await api('PUT', '/settings', {
      auto_start: false,
      oauth_clients: { microsoft: { client_id: 'someone-else' } },
    });
    const after = await api('GET', '/settings');

    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `oauth_clients.microsoft was set by an administrator (in ${deploymentPath}) and cannot be changed here.`,
    );
    expect(after.body.locked).toEqual(['oauth_clients.microsoft']);
    expect(after.body.auto_start).toBe(true);
    expect(after.body.oauth_clients.microsoft.client_id).toBe(sandbox.info.microsoft.client_id);
  });

  it('hands out diagnostics with versions, mode and connections, and not one secret the agent holds', async () => {
    const email = sandbox.info.google.users[0]!;
    const refreshToken = await secrets.get(secretKeys.refreshToken(`google:${email}`));

    const { status, body } = await api('GET', '/diagnostics');
    const text = JSON.stringify(body);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      mode: 'live',
      versions: { app: expect.any(String), node: process.versions.node },
    });
    expect(body.accounts).toEqual([expect.objectContaining({ account_id: `google:${email}` })]);
    expect(refreshToken).toBeTruthy();
    for (const secret of [
      refreshToken!,
      sandbox.info.sched.api_key,
      sandbox.info.google.client_secret!,
      host.token,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

async function until<T extends unknown[]>(read: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const value = await read();
    if (value.length > 0) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The account never appeared.');
}
