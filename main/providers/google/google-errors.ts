/**
 * Reading what googleapis (gaxios) throws: the HTTP status, Google's `reason` and `Retry-After`, and the retry
 * classifier the request gate uses for Google. Only short codes are read, because a gaxios error also carries the
 * request (with its bearer token) and must not travel into logs.
 * https://developers.google.com/calendar/api/guides/errors
 */
import { AppError } from '../../errors/app-error';
import { connectionVerdict, httpVerdict, type RetryVerdict } from '../gate';

/** Google's 403 reasons that mean "too fast", not "forbidden". */
const rateLimitReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

function fieldOf(value: unknown, ...path: string[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The HTTP status of a failed Google call, if it got an answer. */
export function googleStatusOf(error: unknown): number | undefined {
  const status = fieldOf(error, 'response', 'status') ?? fieldOf(error, 'status');
  return typeof status === 'number' ? status : undefined;
}

/** Google's first error `reason` (`rateLimitExceeded`, `fullSyncRequired`, `duplicate`, …), if any. */
export function googleReasonOf(error: unknown): string | undefined {
  const errors = fieldOf(error, 'response', 'data', 'error', 'errors');
  const reason = Array.isArray(errors) ? fieldOf(errors[0], 'reason') : undefined;
  return typeof reason === 'string' && /^[\w.-]{1,60}$/.test(reason) ? reason : undefined;
}

function retryAfterOf(error: unknown): string | undefined {
  const headers = fieldOf(error, 'response', 'headers');
  if (headers instanceof Headers) return headers.get('retry-after') ?? undefined;
  const value = fieldOf(headers, 'retry-after');
  return typeof value === 'string' ? value : undefined;
}

/** The gate's classifier for Google: 429, 403 rate reasons, 5xx and dropped connections are retried. */
export function classifyGoogleFailure(error: unknown, nowMs: number): RetryVerdict {
  const status = googleStatusOf(error);
  if (status === undefined) return connectionVerdict(error);
  const reason = googleReasonOf(error);
  return httpVerdict({
    status,
    retryAfter: retryAfterOf(error),
    rateLimited: status === 403 && reason !== undefined && rateLimitReasons.has(reason),
    nowMs,
    code: reason,
  });
}

/** A Google answer the adapter has no typed error for, said plainly and without the request it came from. */
export class GoogleRequestError extends AppError {
  readonly code = 'google_request_failed' as const;

  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    readonly reason: string | undefined,
  ) {
    const what = status === undefined ? 'no answer' : `HTTP ${status}${reason ? ` ${reason}` : ''}`;
    super('upstream', `Google Calendar refused to ${operation} (${what}).`);
    this.name = 'GoogleRequestError';
  }
}
