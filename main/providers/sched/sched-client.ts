/**
 * A small typed REST client for Sched's API (shared/API.md §3) over `fetch`. Every request goes through the
 * account's `RequestGate` (rate limit, retries with backoff and `Retry-After`, counting), so each call is written
 * to be safe to repeat: creates carry an `Idempotency-Key`, updates an `If-Match`.
 */
import { createHash } from 'node:crypto';
import { RequestGate, schedLimits, type RequestGateOptions } from '../gate';
import { CursorExpiredError, NotFoundError, PreconditionFailedError, SlotUnavailableError } from '../port';
import { SchedApiKeyError, SchedHttpError, SchedRequestError, classifySchedFailure } from './sched-errors';
import type {
  BookingListQuery,
  BookingPage,
  ConnectCalendarBody,
  ConnectedCalendarWire,
  SchedBooking,
  SchedBookingWrite,
  SchedResourceWire,
  UpdateCalendarBody,
} from './sched-wire';

/** How to reach one Sched account. */
export interface SchedClientOptions {
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
interface Call {
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

/** One Sched account's API. */
export class SchedClient {
  readonly gate: RequestGate;
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;
  private readonly timeoutMs: number;
  private sent = 0;

  constructor(private readonly options: SchedClientOptions) {
    this.gate = options.gate ?? createSchedGate();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** A client on the same account and gate that counts its own requests (one per provider or run). */
  scoped(): SchedClient {
    return new SchedClient({ ...this.options, gate: this.gate });
  }

  /** HTTP requests this client sent, every retry counted. */
  requestCount(): number {
    return this.sent;
  }

  /** `GET /resources`. */
  async listResources(): Promise<SchedResourceWire[]> {
    const answer = await this.send<{ resources?: SchedResourceWire[] }>('list resources', {
      method: 'GET',
      path: '/resources',
    });
    return answer.resources ?? [];
  }

  /** One page of `GET /bookings`; a stale `sync_token` (410) is `CursorExpiredError`. */
  listBookingsPage(query: BookingListQuery): Promise<BookingPage> {
    return this.send<BookingPage>('list bookings', {
      method: 'GET',
      path: '/bookings',
      query: { ...query },
      special: (error) => (error.status === 410 ? new CursorExpiredError('Sched') : undefined),
    });
  }

  /** Every page of `GET /bookings`, and the `next_sync_token` of the last one. */
  async listAllBookings(
    query: BookingListQuery,
  ): Promise<{ bookings: SchedBooking[]; nextSyncToken: string }> {
    const bookings: SchedBooking[] = [];
    let page: BookingPage;
    let pageToken: string | undefined;
    do {
      page = await this.listBookingsPage(pageToken ? { ...query, page_token: pageToken } : query);
      bookings.push(...(page.bookings ?? []));
      pageToken = page.next_page_token ?? undefined;
    } while (pageToken);
    if (!page.next_sync_token) {
      throw new SchedRequestError('list bookings', 200, undefined, 'the last page had no next_sync_token');
    }
    return { bookings, nextSyncToken: page.next_sync_token };
  }

  /** `GET /bookings/{id}`, cancelled bookings included; `null` when Sched has no such booking. */
  async getBooking(id: string): Promise<SchedBooking | null> {
    try {
      return await this.send<SchedBooking>('read a booking', {
        method: 'GET',
        path: `/bookings/${encodeURIComponent(id)}`,
        special: (error) => (error.status === 404 ? new NotFoundError(id) : undefined),
      });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /**
   * `POST /bookings` with an `Idempotency-Key`: a retry, or a second call after a crash, returns the booking the
   * first one made. 409 `slot_unavailable` is `SlotUnavailableError`.
   */
  createBooking(body: SchedBookingWrite, idempotencyKey: string): Promise<SchedBooking> {
    return this.send<SchedBooking>('create a booking', {
      method: 'POST',
      path: '/bookings',
      body,
      headers: { 'idempotency-key': idempotencyHeader(idempotencyKey) },
      special: slotUnavailable,
    });
  }

  /** `PUT /bookings/{id}` with `If-Match: <version>`; 412 is `PreconditionFailedError`, 404 `NotFoundError`. */
  updateBooking(id: string, body: SchedBookingWrite, ifMatch: string): Promise<SchedBooking> {
    return this.send<SchedBooking>('update a booking', {
      method: 'PUT',
      path: `/bookings/${encodeURIComponent(id)}`,
      body,
      headers: { 'if-match': ifMatchHeader(ifMatch) },
      special: (error) => versionOrAbsence(error, id) ?? slotUnavailable(error),
    });
  }

  /** `DELETE /bookings/{id}`: Sched keeps the booking as `cancelled` and returns it. */
  cancelBooking(id: string, ifMatch?: string): Promise<SchedBooking> {
    return this.send<SchedBooking>('cancel a booking', {
      method: 'DELETE',
      path: `/bookings/${encodeURIComponent(id)}`,
      headers: ifMatch ? { 'if-match': ifMatchHeader(ifMatch) } : {},
      special: (error) => versionOrAbsence(error, id),
    });
  }

  /** `POST /calendars/connect`, without a token (tokens stay on the device). */
  connectCalendar(body: ConnectCalendarBody): Promise<ConnectedCalendarWire> {
    return this.send<ConnectedCalendarWire>('register a connected calendar', {
      method: 'POST',
      path: '/calendars/connect',
      body,
    });
  }

  /** `GET /calendars`. */
  async listCalendars(): Promise<ConnectedCalendarWire[]> {
    const answer = await this.send<{ calendars?: ConnectedCalendarWire[] }>('list connected calendars', {
      method: 'GET',
      path: '/calendars',
    });
    return answer.calendars ?? [];
  }

  /** `PUT /calendars/{calendar_id}`; 404 (not registered) is `NotFoundError`. */
  updateCalendar(calendarId: string, body: UpdateCalendarBody): Promise<ConnectedCalendarWire> {
    return this.send<ConnectedCalendarWire>('update a connected calendar', {
      method: 'PUT',
      path: `/calendars/${encodeURIComponent(calendarId)}`,
      body,
      special: (error) => (error.status === 404 ? new NotFoundError(calendarId) : undefined),
    });
  }

  /** `DELETE /calendars/{calendar_id}` → Sched's message; 404 (not registered) is `NotFoundError`. */
  disconnectCalendar(calendarId: string): Promise<{ message?: string }> {
    return this.send<{ message?: string }>('disconnect a calendar', {
      method: 'DELETE',
      path: `/calendars/${encodeURIComponent(calendarId)}`,
      special: (error) => (error.status === 404 ? new NotFoundError(calendarId) : undefined),
    });
  }

  /** Sends one call through the gate and turns failures into errors a person can read. */
  private async send<T>(operation: string, call: Call): Promise<T> {
    const url = this.urlOf(call);
    try {
      return await this.gate.run(() => this.attempt<T>(url, call));
    } catch (error) {
      if (!(error instanceof SchedHttpError)) throw this.unanswered(operation, error);
      const typed = call.special?.(error);
      if (typed) throw typed;
      if (error.status === 401) throw new SchedApiKeyError();
      throw new SchedRequestError(operation, error.status, error.errorCode, error.detail);
    }
  }

  /** One HTTP exchange; the body is read here too, so a connection dropped mid-answer is retried. */
  private async attempt<T>(url: string, call: Call): Promise<T> {
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

  private urlOf(call: Call): string {
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

/** Sched versions are plain numbers; send them quoted, as an entity tag. */
function ifMatchHeader(version: string): string {
  return /^(W\/)?".*"$/.test(version) ? version : `"${version}"`;
}

function slotUnavailable(error: SchedHttpError): Error | undefined {
  if (error.status !== 409 || error.errorCode !== 'slot_unavailable') return undefined;
  const clash = error.body.conflicting_booking_id;
  return new SlotUnavailableError(typeof clash === 'string' ? clash : undefined);
}

function versionOrAbsence(error: SchedHttpError, id: string): Error | undefined {
  if (error.status === 412) return new PreconditionFailedError(id);
  if (error.status === 404) return new NotFoundError(id);
  return undefined;
}
