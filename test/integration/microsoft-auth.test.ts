import { describe, expect, it } from 'vitest';
import type { GraphTokens } from '../../main/providers/microsoft';
import { GraphCalendarProvider, createMicrosoftGate } from '../../main/providers/microsoft';
import { isReauthError, refreshFailureNamed, TokenRefreshError } from '../../main/auth';
import { AuthError } from '../../main/providers/port';
import { syncWindow } from '../../main/sync';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { primaryCalendarId, signedInMicrosoftAccount } from '../contract/microsoft-sandbox';

/** The account's reading of its own failures, as `MicrosoftAccount` gives it to the adapter. */
const microsoftSignIn = {
  isRevoked: isReauthError,
  refreshFailureNamed: (name: string) => refreshFailureNamed('microsoft', name),
};

const sandbox = useTestSandbox({ seed: 'demo' });

/** Tokens whose first access token the server no longer accepts; `refresh` gets a fresh one from the sandbox. */
function staleThenFresh(
  box: TestSandbox,
  user: string,
  fresh: 'accepted' | 'also-stale',
): GraphTokens & { refreshes: number } {
  let token = 'an-expired-access-token';
  const tokens = {
    refreshes: 0,
    ...microsoftSignIn,
    authProvider: (done: (error: unknown, token: string | null) => void) => done(null, token),
    async refresh() {
      tokens.refreshes += 1;
      if (fresh === 'also-stale') return (token = 'another-rejected-token');
      const answer = await call(`${box.url}/sandbox/tokens`, {
        method: 'POST',
        body: { provider: 'microsoft', user },
      });
      token = answer.body.access_token as string;
      return token;
    },
  };
  return tokens;
}

async function providerWith(
  box: TestSandbox,
  account: GraphTokens,
  calendarId: string,
): Promise<GraphCalendarProvider> {
  return new GraphCalendarProvider({
    account,
    calendarId,
    graphUrl: box.info.microsoft.graph_url,
    gate: createMicrosoftGate({ baseDelayMs: 10 }),
  });
}

describe('Graph adapter sign-in handling', () => {
  it('answers a 401 with one token refresh and one retry', async () => {
    const box = sandbox();
    const user = box.info.microsoft.users[0]!;
    const calendarId = await primaryCalendarId(box, await signedInMicrosoftAccount(box, user));
    const tokens = staleThenFresh(box, user, 'accepted');
    const graph = await providerWith(box, tokens, calendarId);

    const listed = await graph.listChanges({
      cursor: null,
      window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC'),
    });

    expect(listed.items.map((item) => item.title)).toContain('Project sync');
    expect(tokens.refreshes).toBe(1);
  });

  it('gives up with AuthError when the refreshed token is refused too', async () => {
    const box = sandbox();
    const user = box.info.microsoft.users[0]!;
    const calendarId = await primaryCalendarId(box, await signedInMicrosoftAccount(box, user));
    const tokens = staleThenFresh(box, user, 'also-stale');
    const graph = await providerWith(box, tokens, calendarId);

    await expect(graph.get('any-event')).rejects.toBeInstanceOf(AuthError);
    expect(tokens.refreshes).toBe(1);
    expect(graph.requestCount()).toBe(2);
  });

  it('says a token refresh failed for a passing reason, so the next run tries again', async () => {
    const box = sandbox();
    const failing: GraphTokens = {
      ...microsoftSignIn,
      authProvider: (done) => done(new TokenRefreshError('microsoft', 'HTTP 503'), null),
      refresh: async () => undefined,
    };
    const graph = await providerWith(box, failing, 'any-calendar');

    const failure = await graph.get('any-event').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TokenRefreshError);
    expect((failure as Error).message).toBe(
      'Could not refresh the Microsoft sign-in (HTTP 503). Syncing will try again later.',
    );
  });

  it('turns a revoked sign-in into AuthError, asking the person to sign in again', async () => {
    const box = sandbox();
    const user = box.info.microsoft.users[1]!;
    const account = await signedInMicrosoftAccount(box, user);
    const graph = await providerWith(box, account, await primaryCalendarId(box, account));
    await call(`${box.url}/sandbox/revoke`, { method: 'POST', body: { provider: 'microsoft', user } });

    const failure = await graph
      .listChanges({ cursor: null, window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC') })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as AuthError).message).toBe(
      'Microsoft Outlook refused the saved sign-in. Sign in again to resume syncing.',
    );
  });
});
