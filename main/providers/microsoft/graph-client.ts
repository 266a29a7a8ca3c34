/**
 * The Graph client for one Microsoft account, exactly as against Microsoft (only `baseUrl` differs in sandbox
 * mode). The client sends the bearer token only to https hosts it knows, so the sandbox's host is named in
 * `customHosts`. Its own RetryHandler is switched off per request: the account's gate retries, paced and counted.
 */
import { Client, RetryHandlerOptions, type AuthProvider } from '@microsoft/microsoft-graph-client';
import type { RefreshingSignIn } from '../sign-in-reading';

/** What the adapter needs from a signed-in account, injected; `MicrosoftAccount` (main/auth) fits. */
export interface GraphTokens extends RefreshingSignIn {
  authProvider: AuthProvider;
}

/** A Graph client on `graphUrl` (the sandbox's `microsoft.graph_url`, no version segment) or on Microsoft's own. */
export function createGraphClient(authProvider: AuthProvider, graphUrl?: string): Client {
  if (!graphUrl) return Client.init({ authProvider, defaultVersion: 'v1.0' });
  const base = graphUrl.replace(/\/+$/, '');
  return Client.init({
    authProvider,
    baseUrl: base,
    customHosts: new Set([new URL(base).hostname]),
    defaultVersion: 'v1.0',
  });
}

/**
 * The Graph client turns a token failure into a GraphError that keeps only the failure's name, losing the message a
 * person should see ("Could not refresh the Microsoft sign-in…"). This remembers the last failure so the adapter
 * can give that error back instead.
 */
export function watchTokenFailures(authProvider: AuthProvider): {
  authProvider: AuthProvider;
  lastFailure: () => unknown;
} {
  let last: unknown;
  return {
    authProvider: (done) =>
      authProvider((error, token) => {
        if (error) last = error;
        done(error, token);
      }),
    lastFailure: () => last,
  };
}

/** Middleware options that turn the client's own retries off for one request. */
export function noClientRetries(): RetryHandlerOptions[] {
  return [new RetryHandlerOptions(0, 0)];
}
