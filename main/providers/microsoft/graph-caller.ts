/**
 * Sends one Graph request for an account: through its gate (rate limit, 4 in flight per mailbox, retries with
 * `Retry-After`), counted, with one forced token refresh and one retry on a 401 (SYNC.md, "Being a good API
 * citizen"). Failures come out as the port's typed errors or a readable `GraphRequestError`.
 */
import type { Client, GraphRequest } from '@microsoft/microsoft-graph-client';
import type { RequestGate } from '../gate';
import { AuthError } from '../port';
import type { RefreshingSignIn } from '../sign-in-reading';
import { noClientRetries } from './graph-client';
import { GraphRequestError, graphCodeOf, graphStatusOf } from './graph-errors';
import { preferHeader } from './graph-requests';

/** The name people know the service by, in every message. */
export const microsoftProviderName = 'Microsoft Outlook';

/**
 * Names of token failures the Graph client wraps into a GraphError's `code` when the auth provider rejects:
 * main/auth's refused sign-in and msal-node's own.
 */
const reauthNames = new Set(['ReauthRequiredError', 'InteractionRequiredAuthError']);

/**
 * Turns a failure into what `special` makes of it: `null` (the call's answer), an error to throw, or `undefined`
 * for "not special".
 */
export type SpecialCase = (error: unknown) => Error | null | undefined;

/** A caller without an account (tests of paging): it knows no sign-in failure beyond a 401. */
const noSignIn: Pick<RefreshingSignIn, 'isRevoked' | 'refreshFailureNamed'> = {
  isRevoked: () => false,
  refreshFailureNamed: () => undefined,
};

/** One account's Graph client behind its gate, counting the requests it sends. */
export class GraphCaller {
  private sent = 0;

  constructor(
    private readonly client: Client,
    readonly gate: RequestGate,
    private readonly tokens?: RefreshingSignIn,
    /** The last failure of the client's auth provider (see `watchTokenFailures`). */
    private readonly lastTokenFailure: () => unknown = () => undefined,
  ) {}

  /** HTTP requests sent by this caller, every retry and `$batch` counted once. */
  get requests(): number {
    return this.sent;
  }

  /** A request to `path` (relative to the version root, or a nextLink/deltaLink) with the house preferences. */
  request(path: string, options: { pageSize?: number; headers?: Record<string, string> } = {}): GraphRequest {
    return this.client
      .api(path)
      .headers({ Prefer: preferHeader(options.pageSize), ...options.headers })
      .middlewareOptions(noClientRetries());
  }

  /**
   * Sends through the gate; see the file comment. `special` maps expected statuses first; `cost` is the requests
   * Graph counts against the mailbox (those inside a `$batch`).
   */
  async send<T>(
    operation: string,
    attempt: () => Promise<T>,
    special: SpecialCase = () => undefined,
    cost = 1,
  ): Promise<T | null> {
    const counted = (): Promise<T> => {
      this.sent += 1;
      return attempt();
    };
    for (let refreshed = false; ; refreshed = true) {
      try {
        return await this.gate.run(counted, cost);
      } catch (error) {
        const handled = special(error);
        if (handled === null) return null;
        if (handled) throw handled;
        if (graphStatusOf(error) !== 401 || refreshed || !this.tokens) {
          throw readable(operation, error, this.tokens ?? noSignIn, this.lastTokenFailure());
        }
      }
      try {
        await this.tokens?.refresh();
      } catch (error) {
        throw readable('refresh the sign-in', error, this.tokens ?? noSignIn);
      }
    }
  }
}

/**
 * A client or token failure as one of ours; errors that are already ours pass as they are. `signIn` is the account's
 * reading of its own failures. `tokenFailure` is what the auth provider last failed with: when the client's error
 * stands for it, that error is the one to give back.
 */
export function readable(
  operation: string,
  error: unknown,
  signIn: Pick<RefreshingSignIn, 'isRevoked' | 'refreshFailureNamed'>,
  tokenFailure?: unknown,
): unknown {
  if (signIn.isRevoked(error)) return new AuthError(microsoftProviderName);
  const code = graphCodeOf(error);
  if (tokenFailure instanceof Error && graphStatusOf(error) === undefined && code === tokenFailure.name) {
    return readable(operation, tokenFailure, signIn);
  }
  // A client built without `watchTokenFailures` leaves only the name: keep the type, and say what to expect.
  const named = code === undefined ? undefined : signIn.refreshFailureNamed(code);
  if (named) return named;
  if (code !== undefined && reauthNames.has(code)) return new AuthError(microsoftProviderName);
  const status = graphStatusOf(error);
  if (status === 401) return new AuthError(microsoftProviderName);
  const fromClient = typeof error === 'object' && error !== null && 'statusCode' in error;
  return fromClient ? new GraphRequestError(operation, status, code) : error;
}
