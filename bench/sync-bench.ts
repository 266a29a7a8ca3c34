/**
 * A whole sync through the real agent and the sandbox: N bookings in Sched go to a Google calendar, then an idle run.
 * Reports wall time, requests per run, and the process's memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { startAgentHost } from '../main/cli/headless-agent';
import { MemorySecretStore } from '../test/fakes/memory-secret-store';
import { startSandbox } from '../sandbox/sandbox';

// The bench reads whatever JSON the APIs return; their shapes are tested elsewhere.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(url: string, init: RequestInit & { token?: string } = {}): Promise<any> {
  const response = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  return response.json();
}

/** Syncs `bookings` new bookings, then runs once more with nothing changed. */
export async function benchSync(bookings: number) {
  const dir = await mkdtemp(join(tmpdir(), 'sched-bench-'));
  const sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), port: 0, seed: 'empty' });
  setDefaultCACertificates([...getCACertificates('default'), sandbox.caPem]);
  const { base_url, api_key } = sandbox.info.sched;
  const resource = 'rsc_meeting_room_a';
  const day = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1, 8);
  for (let i = 0; i < bookings; i++) {
    const start = new Date(day + Math.floor(i / 8) * 86_400_000 + (i % 8) * 3_600_000);
    await json(`${base_url}/bookings`, {
      method: 'POST',
      token: api_key,
      body: JSON.stringify({
        resource_id: resource,
        title: `Bench booking ${i}`,
        description: '',
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_000_000).toISOString(),
      }),
    });
  }
  const tokens = await json(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: JSON.stringify({ provider: 'google', user: 'alex@sandbox.example' }),
  });
  const host = await startAgentHost({
    dataDir: join(dir, 'agent'),
    port: 0,
    sandbox: { url: sandbox.url, caPath: sandbox.caPath },
    secrets: new MemorySecretStore(),
  });
  const api = (method: string, path: string, body?: unknown) =>
    json(`${host.url}/api${path}`, {
      method,
      token: host.token,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  await api('POST', '/calendars/connect', {
    resource_id: resource,
    calendar_service: 'google',
    calendar_id: 'alex@sandbox.example',
    oauth_token: tokens.refresh_token,
    sync_settings: { sync_frequency: 'manual', direction: 'sched-to-external' },
  });
  const timed = async () => {
    const started = performance.now();
    const { runs } = await api('POST', '/sync', {});
    return { ms: Math.round(performance.now() - started), run: runs[0] };
  };
  const first = await timed();
  const idle = await timed();
  const memory = process.memoryUsage();
  await host.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
  return {
    bookings,
    first_run: { ms: first.ms, created: first.run.created.external, requests: first.run.requests },
    idle_run: {
      ms: idle.ms,
      writes: idle.run.created.external + idle.run.updated.external,
      requests: idle.run.requests,
    },
    rss_mb: Math.round(memory.rss / 1_048_576),
    heap_used_mb: Math.round(memory.heapUsed / 1_048_576),
  };
}
