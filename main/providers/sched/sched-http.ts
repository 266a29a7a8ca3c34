/**
 * The HTTP side of Sched's API (shared/API.md §3) over `fetch`, shared by the bookings client and the Connected
 * Calendars registry client. Every request goes through the account's `RequestGate` (rate limit, retries with
 * backoff and `Retry-After`, counting), so each call is written to be safe to repeat: creates carry an
 * `Idempotency-Key`, updates an `If-Match`.
 */
import { createHash } from 'node:crypto';
import { RequestGate, ServiceUnavailableError, schedLimits, type RequestGateOptions } from '../gate';
import {
  SchedApiKeyError,
  SchedHttpError,
  SchedRequestError,
  SchedUnavailableError,
  classifySchedFailure,
} from './sched-errors';

/** How to reach one Sched account. */
export interface SchedHttpOptions {
  /** The API base, ending in `/v1` (the sandbox's `sched.base_url`). */
  baseUrl: string;
  apiKey: string;
  /** The account's gate; one with Sched's defaults when absent. Share it between clients of the same key. */
  gate?: RequestGate;
  /** Injected in unit tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Per attempt; a request that takes longer is abandoned and retried like a dropped connection (default 30 s). */
  timeoutMs?: number;
}

/** A gate for one Sched API key: Sched's defaults and classifier, other options (the rate limit) as given. */
export function createSchedGate(options: Partial<RequestGateOptions> = {}): RequestGate {
  return new RequestGate({ provider: 'Sched', classify: classifySchedFailure, ...schedLimits, ...options });
}

/** What one request sends; `special` turns statuses the operation expects into typed errors. */
export interface SchedCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  special?: (error: SchedHttpError) => Error | undefined;
}

/** Idempotency keys over Sched's 255-character limit, or not plain ASCII, are sent as their SHA-256. */
export function idempotencyHeader(key: string): string {
  return key.length <= 255 && /^[\x21-\x7e]+$/.test(key)
    ? key
    : createHash('sha256').update(key, 'utf8').digest('hex');
}

/** One Sched account: where, with which key, through which gate; counts the requests it sends. */
export class SchedHttp {
  readonly gate: RequestGate;
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;
  private readonly timeoutMs: number;
  private sent = 0;

  constructor(private readonly options: SchedHttpOptions) {
    this.gate = options.gate ?? createSchedGate();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** A client on the same account and gate that counts its own requests (one per provider or run). */
  scoped(): SchedHttp {
    return new SchedHttp({ ...this.options, gate: this.gate });
  }

  /** HTTP requests this client sent, every retry counted. */
  requestCount(): number {
    return this.sent;
  }

  /** Sends one call through the gate and turns failures into errors a person can read. */
  async send<T>(operation: string, call: SchedCall): Promise<T> {
    const url = this.urlOf(call);
    let last: unknown;
    try {
      return await this.gate.run(() =>
        this.attempt<T>(url, call).catch((error: unknown) => {
          last = error;
          throw error;
        }),
      );
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw this.exhausted(error, last);
      if (!(error instanceof SchedHttpError)) throw this.unanswered(operation, error);
      const typed = call.special?.(error);
      if (typed) throw typed;
      if (error.status === 401) throw new SchedApiKeyError();
      throw new SchedRequestError(operation, error.status, error.errorCode, error.detail);
    }
  }

  /** One HTTP exchange; the body is read here too, so a connection dropped mid-answer is retried. */
  private async attempt<T>(url: string, call: SchedCall): Promise<T> {
    this.sent += 1;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: 'application/json',
      ...call.headers,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetcher(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw this.httpError(response, text);
    return (text ? JSON.parse(text) : {}) as T;
  }

  private urlOf(call: SchedCall): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const query = params.size > 0 ? `?${params.toString()}` : '';
    return `${this.baseUrl}${call.path}${query}`;
  }

  private httpError(response: Response, text: string): SchedHttpError {
    let error: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(text) as { error?: unknown };
      if (typeof parsed.error === 'object' && parsed.error !== null) {
        error = parsed.error as Record<string, unknown>;
      }
    } catch {
      // Not Sched's JSON (a proxy's HTML page, say): the status alone has to do.
    }
    const code = typeof error.code === 'string' ? error.code.slice(0, 60) : undefined;
    const message = typeof error.message === 'string' ? this.redact(error.message.slice(0, 300)) : undefined;
    return new SchedHttpError(response.status, code, message, response.headers.get('retry-after'), error);
  }

  /** A failure without an HTTP answer: the gate's own errors are already readable; the rest gets named. */
  private unanswered(operation: string, error: unknown): unknown {
    if (!(error instanceof TypeError) && !(error instanceof SyntaxError) && !isAbort(error)) return error;
    const detail = error instanceof SyntaxError ? 'the answer was not JSON' : causeCodeOf(error);
    return new SchedRequestError(operation, undefined, undefined, detail);
  }

  /** The gate gave up: say what the last attempt got (Sched's answer, or why none came). */
  private exhausted(error: ServiceUnavailableError, last: unknown): ServiceUnavailableError {
    if (last instanceof SchedHttpError)
      return new SchedUnavailableError(error.attempts, last.status, last.errorCode, last.detail ?? '');
    if (last === undefined) return error;
    return new SchedUnavailableError(error.attempts, undefined, undefined, causeCodeOf(last));
  }

  /** Sched never echoes the key, but a message that did would end up in logs: strip it to be sure. */
  private redact(text: string): string {
    return this.options.apiKey ? text.split(this.options.apiKey).join('[api key]') : text;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** The short code of why fetch failed (ECONNREFUSED, ENOTFOUND, a certificate code), never a URL or header. */
function causeCodeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[\w-]{1,60}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return isAbort(error) ? 'timed out' : 'network error';
}
