/**
 * What every sync figure starts from: a sandbox (seed `empty`) trusted by this process, bookings seeded into Sched,
 * and the real agent (`startAgentHost`, the code of `sched-sync agent`) attached to it, driven over its HTTP API.
 * Sched's own rate limit is lifted so seeding thousands of bookings takes seconds; the agent keeps its own limits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { startAgentHost, type AgentHost } from '../main/cli/headless-agent';
import { MemorySecretStore } from '../test/fakes/memory-secret-store';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox';

/** The bench reads whatever JSON the APIs return; their shapes are tested elsewhere. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** `fetch` with a JSON body and an optional bearer token; the parsed answer (`{}` for 204). */
export async function json(
  url: string,
  init: RequestInit & { token?: string; extraHeaders?: Record<string, string> } = {},
): Promise<Json> {
  const response = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.extraHeaders,
    },
  });
  return response.status === 204 ? {} : response.json();
}

export type Service = 'google' | 'microsoft';

/** The seeded account used per service. */
export const benchUsers: Record<Service, string> = {
  google: 'alex@sandbox.example',
  microsoft: 'jordan@sandbox.example',
};

/** Tomorrow 08:00 UTC on the sandbox's clock, where seeded bookings start. */
export function firstSlot(sandbox: RunningSandbox): number {
  const now = sandbox.clock.now();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 8);
}

/** Starts a sandbox for a bench; `close` stops it and removes its data. */
export async function startBenchSandbox(): Promise<{
  sandbox: RunningSandbox;
  dir: string;
  control: (method: string, path: string, body?: unknown) => Promise<Json>;
  close(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'sched-bench-'));
  const sandbox = await startSandbox({
    dataDir: join(dir, 'sandbox'),
    port: 0,
    seed: 'empty',
    sched: { rateLimitPerMinute: 10_000_000 },
  });
  setDefaultCACertificates([...getCACertificates('default'), sandbox.caPem]);
  return {
    sandbox,
    dir,
    control: (method, path, body) =>
      json(`${sandbox.url}/sandbox${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async close() {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Books `count` 50-minute sessions on `resource`, hourly from 08:00 tomorrow, eight a day or more so that all of
 * them fall inside the agent's sync window (150 days ahead at most here); returns their ids.
 */
export async function seedBookings(
  sandbox: RunningSandbox,
  resource: string,
  count: number,
  label = 'Bench booking',
): Promise<string[]> {
  const { base_url, api_key } = sandbox.info.sched;
  const day = firstSlot(sandbox);
  const perDay = Math.max(8, Math.ceil(count / 150));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(day + Math.floor(i / perDay) * 86_400_000 + (i % perDay) * 3_600_000);
    const made = await json(`${base_url}/bookings`, {
      method: 'POST',
      token: api_key,
      body: JSON.stringify({
        resource_id: resource,
        title: `${label} ${i}`,
        description: '',
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_000_000).toISOString(),
      }),
    });
    if (!made.id) throw new Error(`Sched refused a seeded booking: ${JSON.stringify(made)}`);
    ids.push(made.id as string);
  }
  return ids;
}

/** Renames a Sched booking (a person's edit in Sched). */
export async function renameBooking(sandbox: RunningSandbox, id: string, title: string): Promise<void> {
  const { base_url, api_key } = sandbox.info.sched;
  const booking = await json(`${base_url}/bookings/${id}`, { token: api_key });
  const changed = await json(`${base_url}/bookings/${id}`, {
    method: 'PUT',
    token: api_key,
    extraHeaders: { 'if-match': String(booking.version) },
    body: JSON.stringify({ ...booking, title }),
  });
  if (changed.title !== title) throw new Error(`Sched refused the edit: ${JSON.stringify(changed)}`);
}

/** Requests the sandbox counted per service since the last stats reset. */
export async function requestsByService(sandbox: RunningSandbox): Promise<Record<string, number>> {
  const rows = (await json(`${sandbox.url}/sandbox/stats`)).requests as { service: string; count: number }[];
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.service] = (counts[row.service] ?? 0) + row.count;
  return counts;
}

/** The in-process agent attached to `sandbox`, with a call helper for its API. */
export async function startBenchAgent(
  sandbox: RunningSandbox,
  dir: string,
  options: { clockCheckMs?: number } = {},
): Promise<{ host: AgentHost; api: (method: string, path: string, body?: unknown) => Promise<Json> }> {
  const host = await startAgentHost({
    dataDir: join(dir, 'agent'),
    port: 0,
    sandbox: { url: sandbox.url, caPath: sandbox.caPath },
    secrets: new MemorySecretStore(),
    ...options,
  });
  const api = (method: string, path: string, body?: unknown) =>
    json(`${host.url}/api${path}`, {
      method,
      token: host.token,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { host, api };
}

/** Connects `resource` to the service's seeded user's main calendar; returns the calendar id. */
export async function connectCalendar(
  sandbox: RunningSandbox,
  api: (method: string, path: string, body?: unknown) => Promise<Json>,
  service: Service,
  resource: string,
  syncSettings: Record<string, unknown>,
): Promise<{ calendarId: string; accessToken: string }> {
  const tokens = await json(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: JSON.stringify({ provider: service, user: benchUsers[service] }),
  });
  const calendarId =
    service === 'google'
      ? benchUsers.google
      : (await json(`${sandbox.info.microsoft.graph_url}/v1.0/me/calendar`, { token: tokens.access_token }))
          .id;
  const connected = await api('POST', '/calendars/connect', {
    resource_id: resource,
    calendar_service: service,
    calendar_id: calendarId,
    oauth_token: tokens.refresh_token,
    sync_settings: syncSettings,
  });
  if (connected.error) throw new Error(`The agent refused the connection: ${JSON.stringify(connected)}`);
  return { calendarId, accessToken: tokens.access_token as string };
}
