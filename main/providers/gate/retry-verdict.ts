/**
 * What a provider's classifier tells the gate about a failed request. The gate knows no wire format: each adapter
 * supplies a classifier that reads its client's errors (gaxios, the Graph client, fetch) into a verdict.
 */
import { parseRetryAfter } from './backoff';

/** Why a failure is worth another attempt. */
export type RetryReason = 'rate_limited' | 'server_error' | 'connection';

/** Retry (with why, and the server's requested wait) or give the error straight back to the caller. */
export type RetryVerdict =
  | { retry: false }
  | {
      retry: true;
      reason: RetryReason;
      /** Short and safe to show: an HTTP status and code, never a header or body. */
      detail: string;
      /** From `Retry-After`, when the server sent one. */
      retryAfterMs?: number;
    };

/** Reads a failure at `nowMs` (the time `Retry-After` dates are measured from). */
export type RetryClassifier = (error: unknown, nowMs: number) => RetryVerdict;

/** Not worth retrying: the caller sees the error as it was thrown. */
export const noRetry: RetryVerdict = { retry: false };

/** Error codes of a connection dropped or timed out under a request (Node's net, node-fetch, undici). */
const connectionCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * True when the request failed because the connection went away (ECONNRESET, "socket hang up"), looking
 * through `cause` chains since fetch and gaxios wrap the socket error.
 */
export function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const code = fieldOf(current, 'code');
    if (typeof code === 'string' && connectionCodes.has(code)) return true;
    const message = fieldOf(current, 'message');
    if (typeof message === 'string' && /socket hang up|other side closed|ECONNRESET/i.test(message))
      return true;
    current = fieldOf(current, 'cause');
  }
  return false;
}

/**
 * The verdict for a plain HTTP failure: 429 and `rateLimited` answers wait as asked, 5xx retries, anything else
 * goes back to the caller. Adapters call this after reading status and headers from their client's error.
 */
export function httpVerdict(input: {
  status: number | undefined;
  retryAfter?: string | null;
  /** The provider marked the answer as a rate limit (Google's 403 `userRateLimitExceeded`). */
  rateLimited?: boolean;
  nowMs: number;
  /** A short code to show next to the status, e.g. Google's `reason`. */
  code?: string;
}): RetryVerdict {
  const { status } = input;
  if (status === undefined) return noRetry;
  const detail = input.code ? `HTTP ${status} ${input.code}` : `HTTP ${status}`;
  const retryAfterMs = parseRetryAfter(input.retryAfter, input.nowMs);
  const withWait = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429 || input.rateLimited)
    return { retry: true, reason: 'rate_limited', detail, ...withWait };
  if (status >= 500 && status <= 599) return { retry: true, reason: 'server_error', detail, ...withWait };
  return noRetry;
}

/** The verdict for a dropped connection, or `noRetry` when the error is something else. */
export function connectionVerdict(error: unknown): RetryVerdict {
  return isConnectionFailure(error)
    ? { retry: true, reason: 'connection', detail: 'connection reset' }
    : noRetry;
}
