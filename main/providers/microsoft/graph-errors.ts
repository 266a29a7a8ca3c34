/**
 * Reading what @microsoft/microsoft-graph-client throws (`GraphError`: `statusCode`, Graph's `code`, response
 * `headers`), and the retry classifier the request gate uses for Graph. Only short codes are read: a GraphError's
 * body can quote the request. https://learn.microsoft.com/graph/errors · …/graph/throttling
 */
import { AppError } from '../../errors/app-error';
import { connectionVerdict, httpVerdict, type RetryVerdict } from '../gate';

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The HTTP status of a failed Graph call; `undefined` when no answer came (the client reports -1). */
export function graphStatusOf(error: unknown): number | undefined {
  const status = fieldOf(error, 'statusCode') ?? fieldOf(error, 'status');
  return typeof status === 'number' && status >= 100 && status < 600 ? status : undefined;
}

/** Graph's error `code` (`SyncStateNotFound`, `ErrorIrresolvableConflict`, …) when it is a short word. */
export function graphCodeOf(error: unknown): string | undefined {
  const code = fieldOf(error, 'code');
  return typeof code === 'string' && /^[\w.-]{1,60}$/.test(code) ? code : undefined;
}

function retryAfterOf(error: unknown): string | undefined {
  const headers = fieldOf(error, 'headers');
  if (headers instanceof Headers) return headers.get('retry-after') ?? undefined;
  const value = fieldOf(headers, 'retry-after') ?? fieldOf(headers, 'Retry-After');
  return typeof value === 'string' ? value : undefined;
}

/**
 * True when the request never got an answer because the connection failed. The Graph client wraps fetch's
 * `TypeError: fetch failed` into a GraphError with status -1 and drops the cause, so its name is all that is left.
 */
export function isGraphConnectionFailure(error: unknown): boolean {
  if (graphStatusOf(error) !== undefined) return false;
  if (connectionVerdict(error).retry) return true;
  const message = fieldOf(error, 'message');
  return graphCodeOf(error) === 'TypeError' && typeof message === 'string' && /fetch failed/i.test(message);
}

/** The gate's classifier for Graph: 429, 503, 504 (and other 5xx) and dropped connections are retried. */
export function classifyGraphFailure(error: unknown, nowMs: number): RetryVerdict {
  if (error instanceof GraphBatchRetry) {
    return httpVerdict({ status: error.status, retryAfter: error.retryAfter, nowMs, code: 'in $batch' });
  }
  const status = graphStatusOf(error);
  if (status === undefined) {
    return isGraphConnectionFailure(error)
      ? { retry: true, reason: 'connection', detail: 'connection reset' }
      : { retry: false };
  }
  return httpVerdict({ status, retryAfter: retryAfterOf(error), nowMs, code: graphCodeOf(error) });
}

/**
 * Thrown from inside a `$batch` attempt when Graph answered the batch but throttled or failed a request in it,
 * so the gate waits and sends the batch again (its requests are reads, safe to repeat).
 */
export class GraphBatchRetry extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | undefined,
  ) {
    super(`A request inside a Graph $batch answered HTTP ${status}.`);
    this.name = 'GraphBatchRetry';
  }
}

/** A Graph answer the adapter has no typed error for, said plainly and without the request it came from. */
export class GraphRequestError extends AppError {
  readonly code = 'graph_request_failed' as const;

  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    readonly graphCode: string | undefined,
  ) {
    const what =
      status === undefined ? (graphCode ?? 'no answer') : `HTTP ${status}${graphCode ? ` ${graphCode}` : ''}`;
    super('upstream', `Microsoft Outlook refused to ${operation} (${what}).`);
    this.name = 'GraphRequestError';
  }
}
