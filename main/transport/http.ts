/**
 * Loopback HTTP transport (shared/API.md §2): the same operations as IPC, for headless use and for the web UI.
 * Listens on 127.0.0.1 only; every /api request needs `Authorization: Bearer <token>`; inputs are validated with
 * the contract before the agent sees them; errors are `{"error":{"code","message"}}`. Also serves the built web UI
 * and `GET /api/events` (server-sent events) for live status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { validateInput, type AgentApi, type ApiErrorBody } from '../../preload/contract';
import { statusOf, toApiError, type TransportLog } from './api-error';
import { matchRoute } from './http-routes';
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
  /** Where refused and failed calls are logged (nowhere unless given). */
  log?: TransportLog;
}

export interface HttpTransport {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the transport on 127.0.0.1. */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) =>
      sendError(res, toApiError(error, null, options.log ?? (() => undefined))),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpTransportOptions,
): Promise<void> {
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
  if (req.method === 'GET' && path === '/events' && options.subscribe)
    return streamEvents(req, res, options.subscribe);

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
  const body = await readJson(req, options.maxBodyBytes ?? 1_000_000);
  if (!body.ok) return sendError(res, body.error);
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

async function readJson(
  req: IncomingMessage,
  limit: number,
): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorBody }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      return { ok: false, error: { code: 'validation', message: 'body: larger than the agent accepts.' } };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: { code: 'validation', message: 'body: not valid JSON.' } };
  }
}

function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  subscribe: NonNullable<HttpTransportOptions['subscribe']>,
): void {
  res.writeHead(200, {
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
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: ApiErrorBody): void {
  if (res.headersSent) return void res.end();
  send(res, statusOf(error.code), { error });
}
