import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateTls } from '../../sandbox/core/ca';
import { FaultInjector } from '../../sandbox/core/faults';
import { SandboxServer } from '../../sandbox/core/server';
import { RequestStats } from '../../sandbox/core/stats';
import type { SandboxRequest, SandboxService } from '../../sandbox/core/types';
import { call, trustCa } from './helpers/start-test-sandbox';

function echo(label: string) {
  return (req: SandboxRequest) => ({
    status: 200,
    body: { label, params: req.params, path: req.path, query: req.query.get('q'), body: req.body },
  });
}

const fakeService: SandboxService = {
  name: 'sched',
  prefix: '/fake',
  routes: [
    { method: 'GET', pattern: '/v1/items/:item_id', handler: echo('item') },
    { method: 'PUT', pattern: '/v1/items/:item_id', handler: echo('put-item') },
    { method: 'POST', pattern: '/v1/items/special', handler: echo('special') },
    { method: 'POST', pattern: '/v1/items/:item_id', handler: echo('post-item') },
    { method: 'POST', pattern: '/v1/echo', handler: echo('echo') },
    { method: 'GET', pattern: '/v1/text', handler: () => ({ status: 200, body: 'plain words' }) },
  ],
  snapshot: () => ({}),
  restore: () => undefined,
};

describe('sandbox HTTPS server', () => {
  let dataDir: string;
  let server: SandboxServer;
  let stats: RequestStats;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-server-'));
    const tls = await loadOrCreateTls(dataDir);
    trustCa(tls.ca.cert);
    stats = new RequestStats();
    server = new SandboxServer({
      host: '127.0.0.1',
      port: 0,
      tls: tls.server,
      faults: new FaultInjector(),
      stats,
    });
    await server.listen();
    server.mountServices([fakeService]);
  });

  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('routes a path below the prefix and fills :params, decoded', async () => {
    const response = await call(`${server.url}/fake/v1/items/alex%40sandbox.example?q=hello`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      label: 'item',
      params: { item_id: 'alex@sandbox.example' },
      path: '/v1/items/alex%40sandbox.example',
      query: 'hello',
    });
  });

  it('prefers a literal segment over a parameter', async () => {
    const special = await call(`${server.url}/fake/v1/items/special`, { method: 'POST', body: {} });
    const other = await call(`${server.url}/fake/v1/items/other`, { method: 'POST', body: {} });

    expect(special.body.label).toBe('special');
    expect(other.body.label).toBe('post-item');
  });

  it('parses JSON bodies and refuses a body that is not JSON with 400', async () => {
    const good = await call(`${server.url}/fake/v1/echo`, { method: 'POST', body: { a: [1, 2] } });
    const bad = await fetch(`${server.url}/fake/v1/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });

    expect(good.body.body).toEqual({ a: [1, 2] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it('answers 404 JSON for unknown paths and 405 with Allow for a wrong method', async () => {
    const missing = await call(`${server.url}/fake/v1/nothing`);
    const outside = await call(`${server.url}/elsewhere`);
    const wrongMethod = await call(`${server.url}/fake/v1/items/7`, { method: 'DELETE' });

    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(outside.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
    expect(wrongMethod.body.error.code).toBe('method_not_allowed');
  });

  it('sends string bodies as text', async () => {
    const response = await fetch(`${server.url}/fake/v1/text`);

    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toBe('plain words');
  });

  it('counts requests by route pattern, not by concrete path', async () => {
    stats.reset();

    await call(`${server.url}/fake/v1/items/1`);
    await call(`${server.url}/fake/v1/items/2`);
    await call(`${server.url}/fake/v1/items/3`, { method: 'PUT', body: {} });

    expect(stats.report()).toEqual([
      { service: 'sched', method: 'GET', route: '/v1/items/:item_id', count: 2 },
      { service: 'sched', method: 'PUT', route: '/v1/items/:item_id', count: 1 },
    ]);
  });
});

describe('sandbox CA', () => {
  it('is created once per data dir and signs a certificate for 127.0.0.1 and localhost', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-ca-'));
    try {
      const first = await loadOrCreateTls(dataDir);
      const second = await loadOrCreateTls(dataDir);

      const ca = new X509Certificate(first.ca.cert);
      const leaf = new X509Certificate(second.server.cert);
      expect(second.ca.cert).toBe(first.ca.cert);
      expect(await readFile(join(dataDir, 'ca.pem'), 'utf8')).toBe(first.ca.cert);
      expect(ca.ca).toBe(true);
      expect(leaf.verify(ca.publicKey)).toBe(true);
      expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(leaf.checkHost('localhost')).toBe('localhost');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
