/**
 * A whole first sync through the real agent and the sandbox: N bookings in Sched go to a Google or Outlook
 * calendar with the sandbox adding `latency` ms to every request of that service, then an idle run. Requests are
 * the sandbox's own counts per service; refusals (429, Google's 403 rate limits) are what the global `fetch` saw.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { startAgentHost } from '../main/cli/headless-agent';
import { googleLimits, microsoftLimits } from '../main/providers/gate';
import { MemorySecretStore } from '../test/fakes/memory-secret-store';
import { startSandbox } from '../sandbox/sandbox';
import { countFetches, type FetchTally } from './fetch-tally';

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
  return response.status === 204 ? {} : response.json();
}

type Service = 'google' | 'microsoft';

const users: Record<Service, string> = {
  google: 'alex@sandbox.example',
  microsoft: 'jordan@sandbox.example',
};

/**
 * The shortest a first sync of `writes` creates can take with `latencyMs` on every calendar request: one list, then
 * the writes as many at once as the service allows (Google: 4 in flight; Graph: 4 `$batch`es of 20, each batch
 * taking one latency), and for Google no faster than its per-minute quota lets the requests through.
 */
export function lowerBoundSeconds(service: Service, writes: number, latencyMs: number): number {
  if (service === 'google') {
    const perMinute = googleLimits.rateLimit!.limit;
    const requests = writes + 1;
    const quotaWaits = Math.floor((requests - 1) / perMinute) * 60;
    const latency = (1 + Math.ceil(writes / 4)) * latencyMs;
    return Math.max(quotaWaits + latencyMs / 1000, latency / 1000);
  }
  const batches = Math.ceil(writes / 20);
  const rounds = Math.ceil(batches / (microsoftLimits.maxConcurrent ?? 4));
  return ((1 + rounds) * latencyMs) / 1000;
}

/** Syncs `bookings` new bookings to `service`, then runs once more with nothing changed. */
export async function benchSync(service: Service, bookings: number, latencyMs: number) {
  const dir = await mkdtemp(join(tmpdir(), 'sched-bench-'));
  const sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), port: 0, seed: 'empty' });
  setDefaultCACertificates([...getCACertificates('default'), sandbox.caPem]);
  const { base_url, api_key } = sandbox.info.sched;
  const resource = service === 'google' ? 'rsc_meeting_room_a' : 'rsc_dr_maria_lopez';
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
    body: JSON.stringify({ provider: service, user: users[service] }),
  });
  const calendarId =
    service === 'google'
      ? users.google
      : (await json(`${sandbox.info.microsoft.graph_url}/v1.0/me/calendar`, { token: tokens.access_token }))
          .id;
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
  const connected = await api('POST', '/calendars/connect', {
    resource_id: resource,
    calendar_service: service,
    calendar_id: calendarId,
    oauth_token: tokens.refresh_token,
    sync_settings: { sync_frequency: 'manual', direction: 'sched-to-external' },
  });
  if (connected.error) throw new Error(`The agent refused the connection: ${JSON.stringify(connected)}`);
  if (latencyMs > 0) {
    await json(`${sandbox.url}/sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ target: service, status: 'slow', rate: 1, delay_ms: latencyMs }),
    });
  }
  /** Requests the sandbox counted per service since the last reset (the OAuth refresh left out). */
  const seenByService = async (): Promise<Record<string, number>> => {
    const rows = (await json(`${sandbox.url}/sandbox/stats`)).requests as {
      service: string;
      count: number;
    }[];
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.service] = (counts[row.service] ?? 0) + row.count;
    return counts;
  };
  const timed = async (tally: FetchTally) => {
    await json(`${sandbox.url}/sandbox/stats/reset`, { method: 'POST' });
    const started = performance.now();
    const answer = await api('POST', '/sync', { calendar_id: calendarId });
    if (!answer.runs?.[0]) throw new Error(`The agent answered the sync with ${JSON.stringify(answer)}`);
    const { runs } = answer;
    const seconds = (performance.now() - started) / 1000;
    return { seconds, run: runs[0], seen: { ...tally.stop(), byService: await seenByService() } };
  };
  const first = await timed(countFetches(sandbox.url));
  const idle = await timed(countFetches(sandbox.url));
  await host.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
  const lower = lowerBoundSeconds(service, bookings, latencyMs);
  const idleWrites = (r: { created: Side2; updated: Side2; deleted: Side2 }) =>
    r.created.sched +
    r.created.external +
    r.updated.sched +
    r.updated.external +
    r.deleted.sched +
    r.deleted.external;
  return {
    initial: {
      n: bookings,
      latency_ms: latencyMs,
      requests: first.seen.byService[service] ?? 0,
      seconds: round(first.seconds),
      lower_bound_seconds: round(lower),
      ratio: round(first.seconds / lower),
    },
    created: first.run.created.external as number,
    refusals: first.seen.refusals + idle.seen.refusals,
    idle: { sched: idle.seen.byService.sched ?? 0, calendar: idle.seen.byService[service] ?? 0 },
    echo_writes: idleWrites(idle.run),
  };
}

interface Side2 {
  sched: number;
  external: number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
