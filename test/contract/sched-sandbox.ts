/**
 * The Sched adapter wired to a running sandbox as the agent wires it: one client per API key (the sandbox's
 * `sched.base_url` and `sched.api_key`) and a provider per resource, plus the sandbox's Sched stats and faults.
 */
import { syncWindow, type SyncWindow } from '../../main/sync';
import type { RequestGate } from '../../main/providers/gate';
import type { InboundAs, PrivacyMode } from '../../main/sync';
import {
  SchedCalendarProvider,
  SchedExceptionsProvider,
  SchedHttp,
  SchedRegistryClient,
  SchedResourceProvider,
  createSchedGate,
} from '../../main/providers/sched';
import { call, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';

/** A gate that retries quickly, so fault tests take milliseconds, not seconds. */
export function quickSchedGate(options: Parameters<typeof createSchedGate>[0] = {}): RequestGate {
  return createSchedGate({ baseDelayMs: 5, maxDelayMs: 50, ...options });
}

/** The HTTP side of the sandbox's Sched, as the agent opens it for one API key. */
export function schedHttpFor(sandbox: TestSandbox, gate: RequestGate = quickSchedGate()): SchedHttp {
  return new SchedHttp({ baseUrl: sandbox.info.sched.base_url, apiKey: sandbox.info.sched.api_key, gate });
}

/** The resources and Connected Calendars client on the sandbox's Sched. */
export function schedRegistryFor(
  sandbox: TestSandbox,
  gate: RequestGate = quickSchedGate(),
): SchedRegistryClient {
  return new SchedRegistryClient(schedHttpFor(sandbox, gate));
}

/** The seeded resource's id and zone (the first one unless named). */
export async function seededResource(
  http: SchedHttp,
  id?: string,
): Promise<{ id: string; timezone: string }> {
  const resources = await new SchedRegistryClient(http).listResources();
  const resource = id ? resources.find((r) => r.id === id) : resources[0];
  if (!resource) throw new Error(`The sandbox has no Sched resource ${id ?? ''}`);
  return { id: resource.id, timezone: resource.timezone };
}

/** A provider on one seeded resource, with a quick gate unless given one. */
export async function schedProviderFor(
  sandbox: TestSandbox,
  options: { resourceId?: string; gate?: RequestGate; pageSize?: number } = {},
): Promise<SchedCalendarProvider> {
  const http = schedHttpFor(sandbox, options.gate);
  const resource = await seededResource(http, options.resourceId);
  return new SchedCalendarProvider({
    http,
    resource,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
}

/**
 * The Sched side of a connection on one seeded resource, wired as the agent wires it (main/agent/sched-clients.ts):
 * its bookings and exceptions over one `SchedHttp`, and the account's other resources' exceptions for a remap.
 */
export async function schedResourceProviderFor(
  sandbox: TestSandbox,
  options: { resourceId?: string; inboundAs: InboundAs; privacy?: PrivacyMode; pageSize?: number },
): Promise<SchedResourceProvider> {
  const http = schedHttpFor(sandbox);
  const resource = await seededResource(http, options.resourceId);
  const paging = options.pageSize ? { pageSize: options.pageSize } : {};
  return new SchedResourceProvider({
    bookings: new SchedCalendarProvider({ http, resource, ...paging }),
    exceptions: new SchedExceptionsProvider({ http, resource, ...paging }),
    exceptionsOf: (id) =>
      new SchedExceptionsProvider({ http, resource: { id, timezone: resource.timezone }, ...paging }),
    inboundAs: options.inboundAs,
    privacy: options.privacy ?? 'full',
  });
}

/** The default sync window at the sandbox's clock, in UTC. */
export function windowAt(sandbox: TestSandbox): SyncWindow {
  return syncWindow(sandbox.clock.now().toISOString(), 30, 180, 'UTC');
}

/** Sched requests the sandbox saw since its stats were last reset. */
export async function schedRequestsSeen(sandbox: TestSandbox): Promise<number> {
  const stats = await call(`${sandbox.url}/sandbox/stats`);
  const rows = stats.body.requests as { service: string; count: number }[];
  return rows.filter((row) => row.service === 'sched').reduce((sum, row) => sum + row.count, 0);
}

/** Arms a fault on the sandbox's Sched stand-in. */
export async function armSchedFault(
  sandbox: TestSandbox,
  fault: { status: 429 | 500 | 503 | 'reset'; rate?: number; count?: number; retry_after?: number },
): Promise<void> {
  const answer = await call(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    body: { target: 'sched', ...fault },
  });
  if (answer.status >= 300) throw new Error(`The sandbox refused the fault: ${JSON.stringify(answer.body)}`);
}

/** Makes every Sched sync token handed out so far answer 410. */
export async function expireSchedTokens(sandbox: TestSandbox): Promise<void> {
  await call(`${sandbox.url}/sandbox/sync-tokens/expire`, { method: 'POST', body: { target: 'sched' } });
}
