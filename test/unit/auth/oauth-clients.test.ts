import { describe, expect, it } from 'vitest';
import { oauthClientsFromEnvironment, resolveOAuthClients } from '../../../main/auth';

describe('resolveOAuthClients', () => {
  it('takes Settings before the deployment file before the release', () => {
    const resolved = resolveOAuthClients({
      settings: { google: { client_id: 'typed' } },
      deployment: { google: { client_id: 'admin' }, microsoft: { client_id: 'admin-ms', tenant: 'contoso' } },
      release: { google: { client_id: 'built-in' }, microsoft: { client_id: 'built-in-ms' } },
    });

    expect(resolved.google).toEqual({ config: { client_id: 'typed' }, source: 'settings' });
    expect(resolved.microsoft).toEqual({
      config: { client_id: 'admin-ms', tenant: 'contoso' },
      source: 'deployment',
    });
  });

  it('falls back to the ids built into the release, and to none', () => {
    expect(resolveOAuthClients({ release: { google: { client_id: 'built-in' } } })).toEqual({
      google: { config: { client_id: 'built-in' }, source: 'release' },
      microsoft: null,
    });
  });

  it("skips Settings for a provider the administrator locked, so the deployment's client stands", () => {
    const resolved = resolveOAuthClients({
      settings: { microsoft: { client_id: 'typed' } },
      deployment: { microsoft: { client_id: 'admin' } },
      locked: { microsoft: true },
    });

    expect(resolved.microsoft?.source).toBe('deployment');
  });

  it('lets the developer variables override every other source', () => {
    const resolved = resolveOAuthClients({
      environment: oauthClientsFromEnvironment({
        SCHED_SYNC_GOOGLE_CLIENT_ID: 'dev',
        SCHED_SYNC_GOOGLE_CLIENT_SECRET: 'dev-secret',
      }),
      settings: { google: { client_id: 'typed' } },
    });

    expect(resolved.google).toEqual({
      config: { client_id: 'dev', client_secret: 'dev-secret' },
      source: 'environment',
    });
  });

  it('reads no client from empty or blank variables', () => {
    expect(oauthClientsFromEnvironment({ SCHED_SYNC_GOOGLE_CLIENT_ID: '  ' })).toEqual({});
  });
});
