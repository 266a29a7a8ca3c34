import { Client } from '@microsoft/microsoft-graph-client';
import * as google from '@googleapis/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GoogleAccount,
  MicrosoftAccount,
  ReauthRequiredError,
  importGoogleRefreshToken,
  importMicrosoftRefreshToken,
  startSignIn,
  withAuthRetry,
  type SignInDeps,
} from '../../main/auth';
import { secretKeys } from '../../main/secrets';
import { MemorySecretStore } from '../fakes/memory-secret-store';
import type { RunningSandbox } from '../../sandbox/sandbox';
import { startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { signInAtBrowser } from './helpers/browser-sign-in';

async function post(sandbox: RunningSandbox, path: string, body: object): Promise<Record<string, string>> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, string>;
}

const everything = (err: unknown): string =>
  `${String(err)} ${JSON.stringify(err, Object.getOwnPropertyNames(err))}`;

describe('sign-in and tokens against the sandbox', () => {
  let sandbox: TestSandbox;
  let secrets: MemorySecretStore;
  let deps: SignInDeps;
  let alex: string;
  let jordan: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: 'empty' });
    secrets = new MemorySecretStore();
    deps = { secrets, google: sandbox.info.google, microsoft: sandbox.info.microsoft };
    alex = sandbox.info.google.users[0] ?? '';
    jordan = sandbox.info.microsoft.users[0] ?? '';
  });

  afterAll(() => sandbox.dispose());

  const calendarsOf = (account: GoogleAccount) =>
    google.calendar({ version: 'v3', auth: account.client, rootUrl: sandbox.info.google.root_url });
  const graphOf = (account: MicrosoftAccount) =>
    Client.init({
      authProvider: account.authProvider,
      baseUrl: sandbox.info.microsoft.graph_url,
      // The Graph client attaches tokens only to Graph's own hosts and these.
      customHosts: new Set([new URL(sandbox.info.microsoft.graph_url).hostname]),
    });

  describe('Google', () => {
    it('signs in through the browser, keeps the refresh token in the keychain only, and reads calendars', async () => {
      const flow = await startSignIn(deps, 'google');

      const page = await signInAtBrowser(flow.auth_url, alex, 'allow');
      const identity = await flow.done;
      const account = await GoogleAccount.open(deps.google!, secrets, identity.account_id);
      const list = await calendarsOf(account).calendarList.list();

      expect(page).toContain('Signed in — you can close this tab');
      expect(identity).toEqual({ account_id: `google:${alex}`, email: alex, provider: 'google' });
      expect(await secrets.get(secretKeys.refreshToken(identity.account_id))).toBeTruthy();
      expect(list.data.items?.length).toBeGreaterThan(0);
    });

    it('refreshes on demand to a new access token', async () => {
      const account = await GoogleAccount.open(deps.google!, secrets, `google:${alex}`);

      const first = await account.accessToken();
      const forced = await account.refresh();

      expect(forced).not.toBe(first);
      expect(await account.accessToken()).toBe(forced);
    });

    it('recovers from a 401 with one refresh and one retry', async () => {
      const account = await GoogleAccount.open(deps.google!, secrets, `google:${alex}`);
      await account.accessToken();
      account.client.credentials.access_token = 'a-token-the-server-no-longer-accepts';
      let attempts = 0;

      const list = await withAuthRetry(account, async () => {
        attempts += 1;
        return calendarsOf(account).calendarList.list();
      });

      expect(attempts).toBe(2);
      expect(list.status).toBe(200);
    });

    it('says to sign in again after revocation, never showing the refresh token; a new sign-in resumes', async () => {
      const account = await GoogleAccount.open(deps.google!, secrets, `google:${alex}`);
      await account.accessToken();
      const refreshToken = (await secrets.get(secretKeys.refreshToken(`google:${alex}`))) ?? '';
      await post(sandbox, '/sandbox/revoke', { provider: 'google', user: alex });

      const error = await withAuthRetry(account, () => calendarsOf(account).calendarList.list()).catch(
        (err: unknown) => err,
      );

      expect(error).toBeInstanceOf(ReauthRequiredError);
      expect((error as Error).message).toBe(
        'Google refused the saved sign-in (invalid_grant). Sign in again to resume syncing.',
      );
      expect(refreshToken.length).toBeGreaterThan(10);
      expect(everything(error)).not.toContain(refreshToken);
      expect(await secrets.get(secretKeys.refreshToken(`google:${alex}`))).toBe(refreshToken);

      const again = await startSignIn(deps, 'google');
      await signInAtBrowser(again.auth_url, alex, 'allow');
      await again.done;
      const list = await withAuthRetry(account, () => calendarsOf(account).calendarList.list());
      expect(list.status).toBe(200);
    });

    it('reports Deny as a clear error and stores nothing', async () => {
      const sam = sandbox.info.google.users[1] ?? '';
      const flow = await startSignIn(deps, 'google');
      flow.done.catch(() => undefined);

      const page = await signInAtBrowser(flow.auth_url, sam, 'deny');

      expect(page).toContain('Access was denied at Google');
      await expect(flow.done).rejects.toThrow(
        'Access was denied at Google, so the account was not connected. Sign in again and choose Allow to connect it.',
      );
      expect(await secrets.get(secretKeys.refreshToken(`google:${sam}`))).toBeNull();
    });

    it('imports a refresh token given as oauth_token', async () => {
      const sam = sandbox.info.google.users[1] ?? '';
      const minted = await post(sandbox, '/sandbox/tokens', { provider: 'google', user: sam });

      const identity = await importGoogleRefreshToken(deps.google!, secrets, {
        refresh_token: minted.refresh_token!,
      });
      const account = await GoogleAccount.open(deps.google!, secrets, identity.account_id);

      expect(identity.account_id).toBe(`google:${sam}`);
      expect((await calendarsOf(account).calendarList.list()).status).toBe(200);
    });
  });

  describe('Microsoft', () => {
    it('signs in through the browser with MSAL, keeps the MSAL cache in the keychain, and reads calendars', async () => {
      const flow = await startSignIn(deps, 'microsoft');

      const page = await signInAtBrowser(flow.auth_url, jordan, 'allow');
      const identity = await flow.done;
      const account = await MicrosoftAccount.open(deps.microsoft!, secrets, identity.account_id);
      const calendars = (await graphOf(account).api('/me/calendars').get()) as { value: unknown[] };

      expect(page).toContain('Signed in — you can close this tab');
      expect(identity).toEqual({ account_id: `microsoft:${jordan}`, email: jordan, provider: 'microsoft' });
      expect(await secrets.get(secretKeys.msalCache(identity.account_id))).toContain('RefreshToken');
      expect(calendars.value.length).toBeGreaterThan(0);
    });

    it('refreshes on demand to a new access token', async () => {
      const account = await MicrosoftAccount.open(deps.microsoft!, secrets, `microsoft:${jordan}`);

      const first = await account.accessToken();
      const forced = await account.refresh();

      expect(forced).not.toBe(first);
      expect(await account.accessToken()).toBe(forced);
    });

    it('recovers from a 401 with one refresh and one retry', async () => {
      // The cached access token is one the server no longer accepts, as after an expiry MSAL did not foresee.
      const key = secretKeys.msalCache(`microsoft:${jordan}`);
      const cache = JSON.parse((await secrets.get(key)) ?? '{}') as {
        AccessToken: Record<string, { secret: string }>;
      };
      for (const entry of Object.values(cache.AccessToken))
        entry.secret = 'a-token-the-server-no-longer-accepts';
      await secrets.set(key, JSON.stringify(cache));
      const account = await MicrosoftAccount.open(deps.microsoft!, secrets, `microsoft:${jordan}`);
      let attempts = 0;

      const calendars = await withAuthRetry(account, async () => {
        attempts += 1;
        return (await graphOf(account).api('/me/calendars').get()) as { value: unknown[] };
      });

      expect(attempts).toBe(2);
      expect(calendars.value.length).toBeGreaterThan(0);
    });

    it('says to sign in again after revocation, never showing the refresh token; a new sign-in resumes', async () => {
      const account = await MicrosoftAccount.open(deps.microsoft!, secrets, `microsoft:${jordan}`);
      const cache = (await secrets.get(secretKeys.msalCache(`microsoft:${jordan}`))) ?? '';
      const refreshToken = Object.values(
        (JSON.parse(cache) as { RefreshToken: Record<string, { secret: string }> }).RefreshToken,
      )[0]?.secret;
      await post(sandbox, '/sandbox/revoke', { provider: 'microsoft', user: jordan });

      const error = await withAuthRetry(account, () => graphOf(account).api('/me/calendars').get()).catch(
        (err: unknown) => err,
      );

      expect(error).toBeInstanceOf(ReauthRequiredError);
      expect((error as Error).message).toMatch(
        /^Microsoft refused the saved sign-in \((invalid_grant|interaction_required)\)\. Sign in again to resume syncing\.$/,
      );
      expect(refreshToken?.length).toBeGreaterThan(10);
      expect(everything(error)).not.toContain(refreshToken);

      const again = await startSignIn(deps, 'microsoft');
      await signInAtBrowser(again.auth_url, jordan, 'allow');
      await again.done;
      const calendars = (await withAuthRetry(account, () => graphOf(account).api('/me/calendars').get())) as {
        value: unknown[];
      };
      expect(calendars.value.length).toBeGreaterThan(0);
    });

    it('reports Deny as a clear error', async () => {
      const flow = await startSignIn(deps, 'microsoft');
      flow.done.catch(() => undefined);

      const page = await signInAtBrowser(flow.auth_url, jordan, 'deny');

      expect(page).toContain('Access was denied at Microsoft');
      await expect(flow.done).rejects.toMatchObject({ name: 'SignInError', reason: 'denied' });
    });

    it('imports a refresh token given as oauth_token', async () => {
      const riley = sandbox.info.microsoft.users[1] ?? '';
      const minted = await post(sandbox, '/sandbox/tokens', { provider: 'microsoft', user: riley });

      const identity = await importMicrosoftRefreshToken(deps.microsoft!, secrets, {
        refresh_token: minted.refresh_token!,
      });
      const account = await MicrosoftAccount.open(deps.microsoft!, secrets, identity.account_id);
      const calendars = (await graphOf(account).api('/me/calendars').get()) as { value: unknown[] };

      expect(identity.account_id).toBe(`microsoft:${riley}`);
      expect(calendars.value.length).toBeGreaterThan(0);
    });
  });
});
