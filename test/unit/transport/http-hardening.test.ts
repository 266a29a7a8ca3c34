import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentApi, AgentStatus, SettingsPatch } from '../../../preload/contract';
import { startHttpTransport, type HttpTransport, type LiveEvent } from '../../../main/transport/http';
import { partialAgent } from './partial-agent';
import { openIdleSockets, rawRequest } from './raw-http';

const token = 'test-token-123';

class RecordingAgent implements Partial<AgentApi> {
  readonly patches: SettingsPatch[] = [];
  readonly syncs: unknown[] = [];
  async updateSettings(patch?: SettingsPatch) {
    this.patches.push(patch ?? {});
    return {} as Awaited<ReturnType<AgentApi['updateSettings']>>;
  }
  async syncNow(input: unknown) {
    this.syncs.push(input);
    return { runs: [] };
  }
  async status(): Promise<AgentStatus> {
    return { mode: 'sandbox', version: '0', keychain: 'available' } as AgentStatus;
  }
}

let transport: HttpTransport | undefined;
let sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets = [];
  await transport?.close();
  transport = undefined;
});

const start = async (limits?: { maxConnections: number; maxStreams: number }, uiDir?: string) => {
  const agent = new RecordingAgent();
  transport = await startHttpTransport({
    agent: partialAgent(agent),
    token,
    port: 0,
    limits,
    uiDir,
    subscribe: (_listener: (event: LiveEvent) => void) => () => undefined,
  });
  const send = (method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) =>
    rawRequest(transport!.url, {
      method,
      path,
      body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    });
  return { agent, send };
};
const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('HTTP transport, against hostile local clients', () => {
  it('answers a 5 MB body with a JSON 413 after reading it, and runs nothing', async () => {
    const { agent, send } = await start();
    const big = JSON.stringify({ auto_start: true, pad: 'x'.repeat(5_000_000) });

    const answer = await send('PUT', '/api/settings', big);

    expect(answer.status).toBe(413);
    expect(errorOf(answer.body)).toEqual({
      code: 'validation',
      message: `body: ${Buffer.byteLength(big)} bytes is larger than the 1000000 bytes the agent accepts.`,
    });
    expect(agent.patches).toEqual([]);
  });

  it('refuses null, an array and a byte-order mark with 400, and changes nothing', async () => {
    const { agent, send } = await start();

    const asNull = await send('PUT', '/api/settings', 'null');
    const asArray = await send('POST', '/api/sync', '[]');
    const withBom = await send('PUT', '/api/settings', Buffer.from('\uFEFF{"auto_start":true}'));

    expect([asNull.status, asArray.status, withBom.status]).toEqual([400, 400, 400]);
    expect(errorOf(asNull.body).message).toBe('body: must be a JSON object, not null.');
    expect(errorOf(asArray.body).message).toBe('body: must be a JSON object, not an array.');
    expect(errorOf(withBom.body).message).toMatch(/^body: starts with a byte-order mark/);
    expect(agent.patches).toEqual([]);
    expect(agent.syncs).toEqual([]);
  });

  it('refuses a request for another Host before checking anything else', async () => {
    const { agent, send } = await start();

    const rebound = await send('PUT', '/api/settings', '{"auto_start":true}', { host: 'evil.example' });
    const noToken = await rawRequest(transport!.url, {
      method: 'GET',
      path: '/api/status',
      headers: { host: 'attacker.example:80' },
    });

    expect(rebound.status).toBe(421);
    expect(errorOf(rebound.body).message).toMatch(/^Host: this agent answers only to 127\.0\.0\.1:\d+/);
    expect(noToken.status).toBe(421);
    expect(agent.patches).toEqual([]);
  });

  it('answers to localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const { send } = await start();
    const port = new URL(transport!.url).port;

    const answer = await send('GET', '/api/status', undefined, { host: `localhost:${port}` });

    expect(answer.status).toBe(200);
  });

  it('answers bytes that are no HTTP with a JSON 400 and closes', async () => {
    await start();
    const { port } = new URL(transport!.url);

    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('\u0000\u0001 not http\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
    });

    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(reply).toContain('{"error":{"code":"validation","message":"request: not valid HTTP."}}');
  });

  it('sends the security headers with API answers', async () => {
    const { send } = await start();

    const answer = await send('GET', '/api/status');

    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the web UI with a CSP that forbids framing, nosniff and no referrer', async () => {
    const uiDir = await mkdtemp(join(tmpdir(), 'sched-ui-'));
    await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>Sched Sync</title>');
    const { send } = await start(undefined, uiDir);

    const page = await send('GET', '/');
    await rm(uiDir, { recursive: true, force: true });

    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('keeps answering with more idle sockets open than it allows, holding no more than its cap', async () => {
    const { send } = await start({ maxConnections: 8, maxStreams: 2 });
    sockets = await openIdleSockets(transport!.url, 40);

    const answer = await send('GET', '/api/status');

    expect(answer.status).toBe(200);
    expect(transport!.openConnections()).toBeLessThanOrEqual(8);
  });

  it('caps event streams, and a closed stream frees its slot', async () => {
    const { send } = await start({ maxConnections: 8, maxStreams: 1 });
    const first = new AbortController();
    const stream = await fetch(`${transport!.url}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: first.signal,
    });

    const refused = await send('GET', '/api/events');
    first.abort();
    await stream.body?.cancel().catch(() => undefined);
    await vi.waitFor(() => expect(transport!.openStreams()).toBe(0));
    const again = await fetch(`${transport!.url}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(stream.status).toBe(200);
    expect(refused.status).toBe(503);
    expect(errorOf(refused.body).message).toBe(
      'Too many event streams are open. Close a Sched Sync tab and try again.',
    );
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });
});
