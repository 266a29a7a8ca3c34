/**
 * The shapes every sandbox service shares. The HTTPS server (server.ts) owns the socket, TLS, faults and
 * request stats; services only turn a parsed request into a response and keep their own JSON-serialisable state.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** The four stand-ins, also the `target` of fault injection and the `service` of request stats. */
export type ServiceName = 'sched' | 'google' | 'microsoft' | 'oauth';

/** A request after routing: path parameters filled from the route pattern, JSON body parsed. */
export interface SandboxRequest {
  method: string;
  /** Absolute URL as the client sent it (https://127.0.0.1:PORT/...). */
  url: URL;
  /** Path below the service prefix, e.g. `/calendar/v3/calendars/primary/events`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when there was none. A body that is not JSON answers 400 before routing. */
  body: unknown;
  rawBody: Buffer;
}

/** A JSON response (string bodies are sent as they are, with the content-type given in headers). */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** One route: method and a pattern below the service prefix with `:name` segments. */
export interface Route {
  method: string;
  pattern: string;
  handler: RouteHandler;
}

/**
 * A stand-in service. Either `routes` (JSON APIs) or `raw` (a Node handler, e.g. oidc-provider's Koa app),
 * mounted under `prefix` (e.g. `/google`). Routes are matched against the path below the prefix, so the
 * stats route of a Google call reads `/calendar/v3/calendars/:calendarId/events`.
 */
export interface SandboxService {
  name: ServiceName;
  prefix: string;
  routes?: Route[];
  raw?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  /** The service's whole state as plain JSON, written to the data dir after changes and on stop. */
  snapshot(): unknown;
  /** Put back a snapshot written by `snapshot()` (called once at start when the data dir has one). */
  restore(snapshot: unknown): void;
}

/** Who an access token belongs to, as the OAuth stand-in knows it. */
export interface TokenOwner {
  provider: 'google' | 'microsoft';
  user: string;
  scopes: string[];
}

/** What services may ask of the sandbox around them. */
export interface SandboxContext {
  /** https://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string;
  /** Resolves a bearer access token issued by the OAuth stand-in, or null when unknown, expired or revoked. */
  verifyAccessToken(token: string): Promise<TokenOwner | null>;
  /** Tells the server that state changed so it is saved to the data dir soon. */
  changed(): void;
  /** The sandbox clock; services never read Date.now() directly so tests can move time. */
  now(): Date;
}
