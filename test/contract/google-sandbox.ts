/**
 * The Google adapter wired to a running sandbox as the agent wires it: an OAuth2Client from the sandbox's OAuth
 * endpoints holding a refresh token from `POST /sandbox/tokens`, and googleapis with the sandbox's `root_url`.
 */
import { createGoogleOAuthClient } from '../../main/auth/google-account';
import type { RequestGate } from '../../main/providers/gate';
import { GoogleCalendarProvider, createGoogleGate } from '../../main/providers/google';
import { call, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { isReauthError } from '../../main/auth';

/** The seeded Google users' signed-in clients, one per user. */
export async function signedInGoogleClient(sandbox: TestSandbox, user = sandbox.info.google.users[0]!) {
  const tokens = await call(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: { provider: 'google', user },
  });
  if (tokens.status !== 200) throw new Error(`The sandbox gave no tokens: ${JSON.stringify(tokens.body)}`);
  const client = createGoogleOAuthClient(sandbox.info.google);
  client.setCredentials({ refresh_token: tokens.body.refresh_token as string });
  return client;
}

/** A Google provider on the user's primary calendar, with a gate that waits for real but briefly. */
export async function googleProviderFor(
  sandbox: TestSandbox,
  options: { user?: string; gate?: RequestGate; calendarId?: string } = {},
): Promise<GoogleCalendarProvider> {
  const auth = await signedInGoogleClient(sandbox, options.user);
  return new GoogleCalendarProvider({
    auth,
    signIn: { isRevoked: isReauthError },
    calendarId: options.calendarId ?? 'primary',
    rootUrl: sandbox.info.google.root_url,
    gate: options.gate ?? createGoogleGate({ baseDelayMs: 20, maxDelayMs: 200 }),
  });
}

/** Google request counts the sandbox saw since its stats were last reset. */
export async function googleRequestsSeen(sandbox: TestSandbox): Promise<number> {
  const stats = await call(`${sandbox.url}/sandbox/stats`);
  const rows = stats.body.requests as { service: string; count: number }[];
  return rows.filter((row) => row.service === 'google').reduce((sum, row) => sum + row.count, 0);
}

/** Arms a fault on the sandbox's Google stand-in. */
export async function armGoogleFault(
  sandbox: TestSandbox,
  fault: { status: 429 | 500 | 503 | 'reset'; rate?: number; count?: number; retry_after?: number },
): Promise<void> {
  const answer = await call(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    body: { target: 'google', ...fault },
  });
  if (answer.status >= 300) throw new Error(`The sandbox refused the fault: ${JSON.stringify(answer.body)}`);
}
