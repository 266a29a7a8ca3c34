/**
 * The Graph stand-in alone behind the sandbox's own HTTPS server (sandbox/core/server.ts), so its tests drive
 * it with the real @microsoft/microsoft-graph-client over TLS. Tokens are `test-<email>` (a Microsoft user)
 * or `google-<email>` (a token from the other provider); the clock is a fake the test moves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { loadOrCreateTls } from '../../sandbox/core/ca';
import { FaultInjector } from '../../sandbox/core/faults';
import { SandboxServer } from '../../sandbox/core/server';
import { RequestStats } from '../../sandbox/core/stats';
import type { SandboxContext } from '../../sandbox/core/types';
import { createGraphService } from '../../sandbox/microsoft/index';
import type { GraphServiceOptions } from '../../sandbox/microsoft/index';

export const jordan = 'jordan@sandbox.example';
export const riley = 'riley@sandbox.example';

/** A running Graph stand-in with a movable clock. */
export interface GraphTestWorld {
  url: string;
  graphUrl: string;
  service: ReturnType<typeof createGraphService>;
  clock: { now: Date; advance(ms: number): void };
  /** Times the service asked to be saved. */
  saves: () => number;
  /** The official Graph client signed in as `user` (or with any raw token); retries off unless asked. */
  clientFor(user: string, options?: { token?: string; retries?: boolean }): Client;
  /** Plain fetch against a path below `/graph/v1.0` (or an absolute URL) with a user's token. */
  fetchAs(user: string, pathOrUrl: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the Graph stand-in on a loopback HTTPS port, seeded as asked. */
export async function startGraphWorld(
  seed: 'empty' | 'demo' = 'empty',
  options: GraphServiceOptions = {},
  start = new Date('2025-03-05T12:00:00Z'),
): Promise<GraphTestWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'graph-world-'));
  const pems = await loadOrCreateTls(dataDir);
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), pems.ca.cert]);
  const clock = {
    now: new Date(start),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  let saves = 0;
  const server = new SandboxServer({
    host: '127.0.0.1',
    port: 0,
    tls: { key: pems.server.key, cert: pems.server.cert },
    faults: new FaultInjector(),
    stats: new RequestStats(),
  });
  await server.listen();
  const ctx: SandboxContext = {
    baseUrl: server.url,
    verifyAccessToken: async (token) => {
      if (token.startsWith('test-'))
        return { provider: 'microsoft', user: token.slice(5), scopes: ['Calendars.ReadWrite'] };
      if (token.startsWith('google-')) return { provider: 'google', user: token.slice(7), scopes: [] };
      return null;
    },
    changed: () => {
      saves += 1;
    },
    now: () => new Date(clock.now),
  };
  const service = createGraphService(ctx, options);
  service.seed(seed, [jordan, riley]);
  server.mountServices([service]);
  const graphUrl = `${server.url}/graph`;

  return {
    url: server.url,
    graphUrl,
    service,
    clock,
    saves: () => saves,
    clientFor(user, { token = `test-${user}`, retries = false } = {}) {
      const client = Client.init({
        authProvider: (done) => done(null, token),
        baseUrl: graphUrl,
        customHosts: new Set(['127.0.0.1']),
      });
      return retries ? client : withoutRetries(client);
    },
    fetchAs(user, pathOrUrl, init = {}) {
      const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${graphUrl}/v1.0${pathOrUrl}`;
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer test-${user}`);
      return fetch(url, { ...init, headers });
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The client's RetryHandler would hide a 429 by retrying; tests that look at one turn it off per request. */
function withoutRetries(client: Client): Client {
  const api = client.api.bind(client);
  client.api = (path) => api(path).middlewareOptions([new RetryHandlerOptions(0, 0)]);
  return client;
}

/** The error a request failed with (so a test can assert on it), or a thrown error when it succeeded. */
export async function failure(
  request: Promise<unknown>,
): Promise<{ statusCode?: number; code?: string; body?: unknown }> {
  try {
    await request;
  } catch (error) {
    return error as { statusCode?: number; code?: string };
  }
  throw new Error('The request succeeded, but the test expected it to fail.');
}
