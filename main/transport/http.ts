/**
 * Loopback HTTP transport (shared/API.md §2): the same operations as IPC, for headless use and for the web UI.
 * Listens on 127.0.0.1 only and answers only to its own Host; every /api request needs `Authorization: Bearer
 * <token>`; a body is one JSON object, validated with the contract before the agent sees it; errors are
 * `{"error":{"code","message"}}`. Also serves the built web UI and `GET /api/events` (server-sent events) for live
 * status. Connections, event streams and slow requests are bounded (connection-limits.ts), so no local client can
 * starve the agent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { validateInput, type AgentApi, type ApiErrorBody } from '../../preload/contract';
import { statusOf, toApiError, type TransportLog } from './api-error';
import {
  ConnectionGuard,
  defaultConnectionLimits,
  serverTimeouts,
  type ConnectionLimits,
  type ServerTimeouts,
} from './connection-limits';
import { refuseHost } from './host-check';
import { matchRoute } from './http-routes';
import { defaultMaxBodyBytes, readJsonBody } from './request-body';
import { securityHeaders } from './security-headers';
import { serveStatic } from './static-files';

/** A live event for the UI (run progress, status changes). */
export interface LiveEvent {
  type: string;
  data: unknown;
}

export interface HttpTransportOptions {
  agent: AgentApi;
  token: string;
  port: number;
  /** Folder of the built web UI (dist/renderer); when absent only the API is served. */
  uiDir?: string;
  /** Subscribes to live events; returns the unsubscribe function. */
  subscribe?: (listener: (event: LiveEvent) => void) => () => void;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Caps on open connections and event streams. */
  limits?: ConnectionLimits;
  /** Server timeouts; the defaults unless given (tests shorten them). */
  timeouts?: Partial<ServerTimeouts>;
  /** Where refused and failed calls are logged (nowhere unless given). */
  log?: TransportLog;
}

export interface HttpTransport {
  url: string;
  server: Server;
  /** Connections open now (never more than the cap). */
  openConnections(): number;
  /** Event streams open now. */
  openStreams(): number;
  close(): Promise<void>;
}

/** Starts the transport on 127.0.0.1. */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  let context: { port: number; guard: ConnectionGuard } | null = null;
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    if (!context) return void req.socket.destroy();
    handle(req, res, options, context).catch((error: unknown) =>
      sendError(res, toApiError(error, null, options.log ?? (() => undefined))),
    );
  });
  const guard = new ConnectionGuard(server, options.limits ?? defaultConnectionLimits, {
    ...serverTimeouts,
    ...options.timeouts,
  });
  // Bytes that are no HTTP at all still get the API's JSON error shape, then the connection closes.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const body = JSON.stringify({
      error: {
        code: 'validation',
        message: timedOut ? 'request: not received in time.' : 'request: not valid HTTP.',
      },
    });
    socket.end(
      `HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  context = { port, guard };
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    openConnections: () => guard.size,
    openStreams: () => guard.streamCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        guard.destroyAll();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpTransportOptions,
  { port, guard }: { port: number; guard: ConnectionGuard },
): Promise<void> {
  // Before anything else: a request for another name is a rebound DNS name, not one of our clients.
  const wrongHost = refuseHost(req.headers.host, port);
  if (wrongHost) {
    res.setHeader('connection', 'close');
    return send(res, wrongHost.status, { error: wrongHost.error });
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
    if (options.uiDir && (req.method === 'GET' || req.method === 'HEAD'))
      return serveStatic(options.uiDir, url.pathname, res);
    return sendError(res, { code: 'not_found', message: `Nothing at ${url.pathname}.` });
  }
  if (!isAuthorized(req, options.token)) {
    return sendError(res, {
      code: 'unauthorized',
      message: 'Missing or wrong bearer token. Use the token the agent printed when it started.',
    });
  }
  const path = url.pathname.slice('/api'.length) || '/';
  if (req.method === 'GET' && path === '/events' && options.subscribe) {
    if (!guard.takeStream()) {
      return sendError(res, {
        code: 'unavailable',
        message: 'Too many event streams are open. Close a Sched Sync tab and try again.',
      });
    }
    return streamEvents(req, res, options.subscribe, () => guard.releaseStream());
  }

  const match = matchRoute(req.method ?? 'GET', path);
  if (!match.route) {
    if (match.allowed.length > 0) {
      res.setHeader('allow', match.allowed.join(', '));
      return send(res, 405, {
        error: { code: 'validation', message: `${req.method} is not allowed on /api${path}.` },
      });
    }
    return sendError(res, { code: 'not_found', message: `No API operation at /api${path}.` });
  }
  const body = await readJsonBody(req, options.maxBodyBytes ?? defaultMaxBodyBytes);
  if (!body.ok) return send(res, body.status, { error: body.error });
  const input = validateInput(match.route.op, match.route.input(match.params, body.value));
  if (!input.ok) return sendError(res, input.error);
  try {
    const call = options.agent[match.route.op] as (value: unknown) => Promise<unknown>;
    const result = await call.call(options.agent, input.value);
    send(res, match.route.created ? 201 : 200, result);
  } catch (error) {
    sendError(res, toApiError(error, match.route.op, options.log ?? (() => undefined)));
  }
}

function isAuthorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  subscribe: NonNullable<HttpTransportOptions['subscribe']>,
  release: () => void,
): void {
  // A stream stays open as long as its tab does: the idle timeout is for sockets doing nothing.
  req.socket.setTimeout(0);
  res.writeHead(200, {
    ...securityHeaders('api'),
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = subscribe((event) =>
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`),
  );
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
    release();
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...securityHeaders('api'),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: ApiErrorBody): void {
  if (res.headersSent) return void res.end();
  send(res, statusOf(error.code), { error });
}
