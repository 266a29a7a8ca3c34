import { describe, expect, it } from 'vitest';
import { liveEnvironment, sandboxEnvironment } from '../../../main/agent/environment';
import { secretKeys } from '../../../main/secrets';
import { MemorySecretStore } from '../../fakes/memory-secret-store';

const info = {
  url: 'https://127.0.0.1:4000',
  ca: '/tmp/ca.pem',
  sched: { base_url: 'https://127.0.0.1:4000/sched/v1', api_key: 'sandbox-key' },
  google: {
    root_url: 'https://127.0.0.1:4000/',
    auth_url: 'https://127.0.0.1:4000/oauth/google/auth',
    token_url: 'https://127.0.0.1:4000/oauth/google/token',
    client_id: 'g-client',
    client_secret: 'g-secret',
    users: ['alex@sandbox.example'],
  },
  microsoft: {
    graph_url: 'https://127.0.0.1:4000/graph',
    authority: 'https://127.0.0.1:4000/oauth/microsoft',
    client_id: 'm-client',
    users: ['jordan@sandbox.example'],
  },
};

describe('sandboxEnvironment', () => {
  it('takes every service from the sandbox and keeps its demo key in memory', async () => {
    const env = sandboxEnvironment(info);

    expect(env.mode).toBe('sandbox');
    expect(await env.sched?.apiKey()).toBe('sandbox-key');
    expect(env.google).toMatchObject({ root_url: info.google.root_url, client_id: 'g-client' });
    expect(env.microsoft).toMatchObject({ graph_url: info.microsoft.graph_url, protocol_mode: 'OIDC' });
  });
});

describe('liveEnvironment', () => {
  it('reads the Sched key from the keychain and uses the resolved OAuth clients with the real endpoints', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(secretKeys.schedApiKey, 'live-key');

    const env = liveEnvironment('https://api.sched.example/v1', secrets, {
      google: { config: { client_id: 'google-id', client_secret: 'g-secret' }, source: 'settings' },
      microsoft: { config: { client_id: 'ms-id' }, source: 'deployment' },
    });

    expect(env.mode).toBe('live');
    expect(await env.sched?.apiKey()).toBe('live-key');
    expect(env.google?.client_id).toBe('google-id');
    expect(env.google?.token_url).toBe('https://oauth2.googleapis.com/token');
    expect(env.google?.client_secret).toBe('g-secret');
    expect(env.microsoft?.authority).toBe('https://login.microsoftonline.com/common');
  });

  it("signs in to Microsoft under the configured tenant's authority", () => {
    const env = liveEnvironment(null, new MemorySecretStore(), {
      google: null,
      microsoft: { config: { client_id: 'ms-id', tenant: 'contoso.onmicrosoft.com' }, source: 'settings' },
    });

    expect(env.microsoft?.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
  });

  it('has no sign-in for a service whose client id is not configured, and no Sched before it is set', () => {
    const env = liveEnvironment(null, new MemorySecretStore(), { google: null, microsoft: null });

    expect(env.sched).toBeNull();
    expect(env.google).toBeNull();
    expect(env.microsoft).toBeNull();
  });
});
