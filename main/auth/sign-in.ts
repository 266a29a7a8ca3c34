/**
 * The interactive sign-in of a native app (RFC 8252): authorization code with PKCE S256, a `state` check and a
 * one-shot loopback redirect. The agent hands `auth_url` to the UI, the person opens it in their browser, and
 * the tokens go straight into the keychain; the flow resolves with who signed in, never with a token.
 */
import { randomBytes } from 'node:crypto';
import { CryptoProvider } from '@azure/msal-node';
import { CodeChallengeMethod } from 'google-auth-library';
import { accountIdOf, providerLabel, type AccountIdentity, type AuthProviderName } from './account-tokens';
import { SignInError } from './auth-errors';
import { oauthErrorCode } from './classify-auth-error';
import { createGoogleOAuthClient, defaultGoogleScopes, type GoogleAuthConfig } from './google-account';
import { emailOf, readIdTokenClaims } from './id-token-claims';
import { listenLoopback, type LoopbackReceiver } from './loopback-receiver';
import {
  createMsalApp,
  microsoftScopesOf,
  saveMsalSignIn,
  type MicrosoftAuthConfig,
} from './microsoft-account';
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** What sign-in needs: the keychain and the configuration of each provider that can be signed in to. */
export interface SignInDeps {
  secrets: SecretStore;
  google?: GoogleAuthConfig;
  microsoft?: MicrosoftAuthConfig;
  /** How long the person has to finish in the browser; 5 minutes unless told. */
  timeoutMs?: number;
  /** The sign-ins in flight; given, a new start replaces the provider's earlier one. */
  inFlight?: SignInSlots;
}

/** A sign-in in progress. */
export interface SignInFlow {
  /** The page to open in the person's browser. */
  auth_url: string;
  /** Resolves once the tokens are in the keychain; rejects with a `SignInError` (denied, timeout, cancelled, …). */
  done: Promise<AccountIdentity>;
  /** Gives up: the loopback server closes and `done` rejects as cancelled. */
  cancel(): void;
}

const defaultTimeoutMs = 5 * 60_000;

/**
 * One sign-in in flight per provider. Each holds a loopback listener for minutes, so starts that pile up (a
 * script, or a person clicking again) would hold a socket each; instead a new start cancels the one before it,
 * which closes its listener. Starts run one after another, so at most one listener per provider is open.
 */
export class SignInSlots {
  private readonly current = new Map<AuthProviderName, SignInFlow>();
  private readonly starting = new Map<AuthProviderName, Promise<unknown>>();

  /** Cancels the provider's sign-in in flight, then runs `begin` and keeps its flow as the one in flight. */
  replace(provider: AuthProviderName, begin: () => Promise<SignInFlow>): Promise<SignInFlow> {
    const before = this.starting.get(provider) ?? Promise.resolve();
    const next = before.then(
      () => this.run(provider, begin),
      () => this.run(provider, begin),
    );
    this.starting.set(provider, next);
    return next;
  }

  /** How many sign-ins are in flight. */
  get size(): number {
    return this.current.size;
  }

  private async run(provider: AuthProviderName, begin: () => Promise<SignInFlow>): Promise<SignInFlow> {
    this.current.get(provider)?.cancel();
    this.current.delete(provider);
    const flow = await begin();
    this.current.set(provider, flow);
    const forget = () => {
      if (this.current.get(provider) === flow) this.current.delete(provider);
    };
    flow.done.then(forget, forget);
    return flow;
  }
}

/** Starts a sign-in to `provider`: opens the loopback receiver and builds the authorization URL. */
export async function startSignIn(deps: SignInDeps, provider: AuthProviderName): Promise<SignInFlow> {
  if (deps.inFlight) {
    const slots = deps.inFlight;
    return slots.replace(provider, () => startSignIn({ ...deps, inFlight: undefined }, provider));
  }
  const makeFlow = flowFor(deps, provider);
  const receiver = await listenLoopback();
  const state = randomBytes(24).toString('base64url');
  try {
    const flow = await makeFlow(receiver);
    const authUrl = await flow.authUrl(state);
    const timeoutMs = deps.timeoutMs ?? defaultTimeoutMs;
    const done = receiver.receive({ provider, state, timeoutMs, onCode: flow.exchange });
    return { auth_url: authUrl, done, cancel: () => receiver.close() };
  } catch (err) {
    receiver.close();
    throw err;
  }
}

function flowFor(
  deps: SignInDeps,
  provider: AuthProviderName,
): (receiver: LoopbackReceiver) => Promise<ProviderFlow> {
  const { google, microsoft, secrets } = deps;
  if (provider === 'google' && google) return (receiver) => googleFlow(google, secrets, receiver);
  if (provider === 'microsoft' && microsoft) return (receiver) => microsoftFlow(microsoft, secrets, receiver);
  throw new SignInError(
    provider,
    'failed',
    `Signing in to ${providerLabel(provider)} is not configured on this device.`,
  );
}

interface ProviderFlow {
  authUrl(state: string): Promise<string>;
  exchange(code: string): Promise<AccountIdentity>;
}

async function googleFlow(
  config: GoogleAuthConfig,
  secrets: SecretStore,
  receiver: LoopbackReceiver,
): Promise<ProviderFlow> {
  const client = createGoogleOAuthClient(config, receiver.redirectUri);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  return {
    authUrl: async (state) =>
      client.generateAuthUrl({
        // `offline` + `consent`: Google returns a refresh token only then, also on a second sign-in.
        access_type: 'offline',
        prompt: 'consent',
        scope: config.scopes ?? defaultGoogleScopes,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: CodeChallengeMethod.S256,
      }),
    async exchange(code) {
      let tokens;
      try {
        ({ tokens } = await client.getToken({ code, codeVerifier, redirect_uri: receiver.redirectUri }));
      } catch (err) {
        throw refused('google', err);
      }
      const email = emailOf(readIdTokenClaims(tokens.id_token));
      if (!email) {
        throw new SignInError('google', 'failed', 'Google did not say which account signed in. Try again.');
      }
      if (!tokens.refresh_token) {
        throw new SignInError(
          'google',
          'failed',
          'Google did not grant offline access, so syncing could not continue later. Sign in again and allow access.',
        );
      }
      const accountId = accountIdOf('google', email);
      await secrets.set(secretKeys.refreshToken(accountId), tokens.refresh_token);
      return { account_id: accountId, email, provider: 'google' };
    },
  };
}

async function microsoftFlow(
  config: MicrosoftAuthConfig,
  secrets: SecretStore,
  receiver: LoopbackReceiver,
): Promise<ProviderFlow> {
  // A memory cache: the account id, and so the keychain entry, is known only after the code exchange.
  const app = createMsalApp(config);
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const scopes = microsoftScopesOf(config);
  return {
    authUrl: (state) =>
      app.getAuthCodeUrl({
        scopes,
        redirectUri: receiver.redirectUri,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
        state,
      }),
    async exchange(code) {
      let result;
      try {
        result = await app.acquireTokenByCode({
          code,
          scopes,
          redirectUri: receiver.redirectUri,
          codeVerifier: verifier,
        });
      } catch (err) {
        throw refused('microsoft', err);
      }
      return saveMsalSignIn(app, result, secrets);
    },
  };
}

/** The token endpoint refused the code: name its OAuth error code and nothing else from it. */
function refused(provider: AuthProviderName, err: unknown): SignInError {
  const name = providerLabel(provider);
  const code = oauthErrorCode(err);
  return new SignInError(
    provider,
    'failed',
    `${name} did not complete the sign-in${code ? ` (${code})` : ''}. Try signing in again.`,
  );
}
