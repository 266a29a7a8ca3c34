/**
 * The Graph adapter wired to a running sandbox as the agent wires it: a `MicrosoftAccount` (msal-node against the
 * sandbox's OpenID provider) holding a refresh token from `POST /sandbox/tokens`, and the Graph client on the
 * sandbox's `graph_url`.
 */
import { MicrosoftAccount, importMicrosoftRefreshToken } from '../../main/auth';
import type { RequestGate } from '../../main/providers/gate';
import {
  GraphCalendarProvider,
  createGraphClient,
  createMicrosoftGate,
  listGraphCalendars,
} from '../../main/providers/microsoft';
import { MemorySecretStore } from '../fakes/memory-secret-store';
import type { EngineConnection } from '../../main/engine';
import type { Direction } from '../../main/sync';
import { call, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { schedProviderFor } from './sched-sandbox';

/** A signed-in account for a seeded Microsoft user, its tokens in a memory secret store. */
export async function signedInMicrosoftAccount(
  sandbox: TestSandbox,
  user = sandbox.info.microsoft.users[0]!,
): Promise<MicrosoftAccount> {
  const tokens = await call(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: { provider: 'microsoft', user },
  });
  if (tokens.status !== 200) throw new Error(`The sandbox gave no tokens: ${JSON.stringify(tokens.body)}`);
  const secrets = new MemorySecretStore();
  const identity = await importMicrosoftRefreshToken(sandbox.info.microsoft, secrets, {
    refresh_token: tokens.body.refresh_token as string,
  });
  return MicrosoftAccount.open(sandbox.info.microsoft, secrets, identity.account_id);
}

/** The id of the user's default calendar. */
export async function primaryCalendarId(sandbox: TestSandbox, account: MicrosoftAccount): Promise<string> {
  const client = createGraphClient(account.authProvider, sandbox.info.microsoft.graph_url);
  const calendars = await listGraphCalendars(client, { account });
  const primary = calendars.find((calendar) => calendar.primary);
  if (!primary) throw new Error('The sandbox mailbox has no default calendar.');
  return primary.id;
}

/** A Graph provider on the user's default calendar, with a gate that waits for real but briefly. */
export async function graphProviderFor(
  sandbox: TestSandbox,
  options: { user?: string; gate?: RequestGate; calendarId?: string; pageSize?: number } = {},
): Promise<GraphCalendarProvider> {
  const account = await signedInMicrosoftAccount(sandbox, options.user);
  return new GraphCalendarProvider({
    account,
    calendarId: options.calendarId ?? (await primaryCalendarId(sandbox, account)),
    graphUrl: sandbox.info.microsoft.graph_url,
    gate: options.gate ?? createMicrosoftGate({ baseDelayMs: 20, maxDelayMs: 200 }),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
}

/** Makes every delta link handed out so far stale. */
export async function expireGraphCursors(sandbox: TestSandbox): Promise<void> {
  const answer = await call(`${sandbox.url}/sandbox/sync-tokens/expire`, {
    method: 'POST',
    body: { target: 'microsoft' },
  });
  if (answer.status === 200) return;
  // Until the control knows Graph: a reset restores the seed, whose state holds no delta tokens; sign-ins survive.
  const reset = await call(`${sandbox.url}/sandbox/reset`, { method: 'POST' });
  if (reset.status !== 200)
    throw new Error(`The sandbox could not expire cursors: ${JSON.stringify(reset.body)}`);
}

/** Graph requests the sandbox saw since its stats were last reset. */
export async function microsoftRequestsSeen(sandbox: TestSandbox): Promise<number> {
  const stats = await call(`${sandbox.url}/sandbox/stats`);
  const rows = stats.body.requests as { service: string; count: number }[];
  return rows.filter((row) => row.service === 'microsoft').reduce((sum, row) => sum + row.count, 0);
}

/** Arms a fault on the sandbox's Graph stand-in. */
export async function armMicrosoftFault(
  sandbox: TestSandbox,
  fault: { status: 429 | 500 | 503 | 'reset'; rate?: number; count?: number; retry_after?: number },
): Promise<void> {
  const answer = await call(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    body: { target: 'microsoft', ...fault },
  });
  if (answer.status >= 300) throw new Error(`The sandbox refused the fault: ${JSON.stringify(answer.body)}`);
}

/** The engine's view of a Sched resource synced with an Outlook calendar through `graph`. */
export async function graphEngineConnection(
  box: TestSandbox,
  resourceId: string,
  direction: Direction,
  graph: GraphCalendarProvider,
  calendarId: string,
): Promise<EngineConnection> {
  return {
    calendarId,
    resourceId,
    resourceTimezone: 'UTC',
    calendarService: 'microsoft',
    settings: {
      direction,
      conflict_resolution: 'manual',
      privacy: 'full',
      window_days_past: 30,
      window_days_future: 180,
    },
    sched: await schedProviderFor(box, { resourceId }),
    external: graph,
  };
}
