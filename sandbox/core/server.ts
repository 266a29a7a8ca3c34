/**
 * The sandbox's one HTTPS server. It owns TLS, routing below each service's prefix, JSON body parsing,
 * request stats and fault injection; services only turn a parsed request into a response.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_SLOW_MS, faultBody, type FaultInjector } from './faults';
import { BodyTooLargeError, parseJsonBody, readBody, sendError, sendResponse } from './http-io';
import { Router } from './router';
import type { RequestStats } from './stats';
import type { Route, SandboxService, ServiceName } from './types';

/** Where the server listens and what it uses around the services. */
export interface SandboxServerOptions {
  host: string;
  /** Tried first; 0 means any free port. */
  port: number;
  /** A port to fall back to when `port` is taken (0 = any). */
  fallbackPort?: number;
  tls: { key: string; cert: string };
  faults: FaultInjector;
  stats: RequestStats;
}

interface Mount {
  /** Undefined for the sandbox's own controls, which are neither counted nor faulted. */
  service?: ServiceName;
  prefix: string;
  router?: Router;
  raw?: SandboxService['raw'];
}

function belongsTo(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The HTTPS server; services are mounted after `listen()` because they need the final base URL. */
export class SandboxServer {
  private readonly server: Server;
  private mounts: Mount[] = [];
  private port = 0;

  constructor(private readonly options: SandboxServerOptions) {
    this.server = createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => this.fail(res, error));
    });
  }

  /** https://host:port with no trailing slash; valid after `listen()`. */
  get url(): string {
    return `https://${this.options.host}:${this.port}`;
  }

  /** Starts listening and resolves with the port. */
  async listen(): Promise<number> {
    try {
      this.port = await this.listenOn(this.options.port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || this.options.fallbackPort === undefined) throw error;
      this.port = await this.listenOn(this.options.fallbackPort);
    }
    return this.port;
  }

  private listenOn(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, this.options.host, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Mounts the services under their prefixes. */
  mountServices(services: SandboxService[]): void {
    for (const service of services) {
      this.mounts.push({
        service: service.name,
        prefix: service.prefix,
        router: service.routes ? new Router(service.routes) : undefined,
        raw: service.raw,
      });
    }
    this.sortMounts();
  }

  /** Mounts the sandbox controls, which faults never touch and stats never count. */
  mountControls(prefix: string, routes: Route[]): void {
    this.mounts.push({ prefix, router: new Router(routes) });
    this.sortMounts();
  }

  private sortMounts(): void {
    this.mounts = [...this.mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** Stops accepting requests and drops open keep-alive connections. */
  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? `${this.options.host}:${this.port}`}`);
    // googleapis keeps only the origin of `rootUrl` (it resolves absolute API paths against it), so Google calls
    // arrive at /calendar/v3/… exactly as they would at www.googleapis.com; they belong to the /google mount.
    if (url.pathname.startsWith('/calendar/v3/')) url.pathname = `/google${url.pathname}`;
    const mount = this.mounts.find((candidate) => belongsTo(url.pathname, candidate.prefix));
    if (!mount) {
      sendError(res, 404, 'not_found', `Nothing is served at ${url.pathname}.`);
      return;
    }
    const path = url.pathname.slice(mount.prefix.length) || '/';
    const match = mount.router?.match(method, path);

    if (mount.service) {
      const route = match && match.kind !== 'not-found' ? routePattern(match) : path;
      this.options.stats.record(mount.service, method, route);
      const stop = await this.applyFault(mount.service, req, res);
      if (stop) return;
    }

    if (mount.raw) {
      await mount.raw(req, res);
      return;
    }
    if (!match || match.kind === 'not-found') {
      sendError(res, 404, 'not_found', `No route for ${method} ${url.pathname}.`);
      return;
    }
    if (match.kind === 'method-not-allowed') {
      sendError(res, 405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}.`, {
        allow: match.allow.join(', '),
      });
      return;
    }

    let rawBody: Buffer;
    try {
      rawBody = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendError(res, 413, 'payload_too_large', error.message);
        return;
      }
      throw error;
    }
    const parsed = parseJsonBody(rawBody, req.headers['content-type']);
    if (!parsed.ok) {
      sendError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
      return;
    }
    const response = await match.route.handler({
      method,
      url,
      path,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body: parsed.body,
      rawBody,
    });
    sendResponse(res, response);
  }

  /** Applies an armed fault; true when the request has been answered (or dropped) by it. */
  private async applyFault(
    service: ServiceName,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    const fault = this.options.faults.take(service);
    if (!fault) return false;
    if (fault.status === 'reset') {
      req.socket.destroy();
      return true;
    }
    if (fault.status === 'slow') {
      await sleep(fault.delay_ms ?? DEFAULT_SLOW_MS);
      return false;
    }
    const headers: Record<string, string> = {};
    const retryAfter = fault.retry_after ?? (fault.status === 429 ? 1 : undefined);
    if (retryAfter !== undefined && fault.status !== 500) headers['retry-after'] = String(retryAfter);
    // Drain the body first so the client is not cut off mid-upload and sees the status it is meant to see.
    await readBody(req).catch(() => undefined);
    sendResponse(res, { status: fault.status, headers, body: faultBody(service, fault.status) });
    return true;
  }

  private fail(res: ServerResponse, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, 500, 'internal_error', `The sandbox failed: ${message}`);
  }
}

function routePattern(
  match: { kind: 'found'; route: Route } | { kind: 'method-not-allowed'; pattern: string },
): string {
  return match.kind === 'found' ? match.route.pattern : match.pattern;
}
