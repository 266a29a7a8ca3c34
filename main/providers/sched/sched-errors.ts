/**
 * Sched's failures: the raw HTTP answer the client throws inside the gate (so the classifier can read status and
 * `Retry-After`), the classifier itself, and the readable errors that leave the adapter. Nothing here ever
 * carries the request, its headers or the API key.
 */
import { ServiceUnavailableError, connectionVerdict, httpVerdict, type RetryVerdict } from '../gate';
import { AppError } from '../../errors/app-error';
import { AuthError } from '../port';

const providerName = 'Sched';

/** A non-2xx answer from Sched, as read off the wire: status, Sched's error code and message, `Retry-After`. */
export class SchedHttpError extends Error {
  constructor(
    readonly status: number,
    /** Sched's `error.code` (`slot_unavailable`, `version_mismatch`, …) when the body had one. */
    readonly errorCode: string | undefined,
    /** Sched's `error.message`, already stripped of the API key. */
    readonly detail: string | undefined,
    readonly retryAfter: string | null,
    /** The whole `error` object, for fields such as `conflicting_booking_id`. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(`Sched answered HTTP ${status}${errorCode ? ` ${errorCode}` : ''}`);
    this.name = 'SchedHttpError';
  }
}

/** True for a request that ran out of time on the client (`AbortSignal.timeout`). */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** The gate's classifier for Sched: 429 (with `Retry-After`), 5xx, dropped connections and timeouts retry. */
export function classifySchedFailure(error: unknown, nowMs: number): RetryVerdict {
  if (error instanceof SchedHttpError) {
    return httpVerdict({
      status: error.status,
      retryAfter: error.retryAfter,
      nowMs,
      code: error.errorCode,
    });
  }
  if (isTimeout(error)) return { retry: true, reason: 'connection', detail: 'timed out' };
  return connectionVerdict(error);
}

/** Sched refused the API key (401). Still an `AuthError`, so the engine treats it as "sign in again". */
export class SchedApiKeyError extends AuthError {
  constructor() {
    super(providerName);
    this.message =
      'Sched refused the API key (HTTP 401). Enter a valid Sched API key in Settings; syncing resumes once Sched accepts it.';
  }
}

/** A Sched failure the adapter has no typed error for, said plainly: what the agent tried, and Sched's answer. */
export class SchedRequestError extends AppError {
  readonly code = 'sched_request_failed' as const;

  constructor(
    /** What the agent was doing, as a verb phrase: "create a booking". */
    readonly operation: string,
    /** Undefined when Sched never answered (unreachable host, bad certificate). */
    readonly status: number | undefined,
    readonly errorCode: string | undefined,
    /** Sched's own message, or why no answer came (`ECONNREFUSED`, a certificate code, `timed out`). */
    readonly detail?: string,
  ) {
    super(
      // 502: the failure is Sched's (or the way to it); the message says what Sched answered.
      'upstream',
      status === undefined
        ? `Sched could not be reached to ${operation}${detail ? ` (${detail})` : ''}. Check the Sched URL and the network.`
        : `Sched refused to ${operation} (HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${detail ? `: ${detail}` : ''}).`,
    );
  }
}

/**
 * Sched kept failing through every retry: the gate's error, with what the last attempt got — Sched's status, code
 * and message, or why no answer came — so the person reads what Sched answered, not only "HTTP 503".
 */
export class SchedUnavailableError extends ServiceUnavailableError {
  constructor(
    attempts: number,
    /** Undefined when Sched never answered. */
    readonly status: number | undefined,
    readonly errorCode: string | undefined,
    /** Sched's message, or why no answer came. */
    readonly reason: string,
  ) {
    super(
      providerName,
      status === undefined
        ? reason
        : `HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${reason ? `: ${reason}` : ''}`,
      attempts,
    );
  }
}
