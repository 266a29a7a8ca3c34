/**
 * A minimal HTTP host for the Google stand-in alone, so its tests drive it with the real googleapis client
 * without the rest of the sandbox. Tokens are `test-<email>`; the clock is a fake the test moves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as google from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../../sandbox/core/types';
import { createGoogleCalendarService, type GoogleCalendarOptions } from '../../sandbox/google/index';

export const alex = 'alex@sandbox.example';
export const sam = 'sam@sandbox.example';

/** A running stand-in with a movable clock and clients per user. */
export interface GoogleTestWorld {
  url: string;
  service: ReturnType<typeof createGoogleCalendarService>;
  clock: { now: Date; advance(ms: number): void };
  /** The googleapis Calendar client signed in as `user` (or with any raw token). */
  calendarFor(user: string, token?: string): calendar_v3.Calendar;
  close(): Promise<void>;
}

function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = got[i]!;
    else if (segment !== got[i]) return null;
  }
  return params;
}

/** Starts the Google stand-in on a loopback port, seeded as asked. */
export async function startGoogleTestServer(
  seed: 'empty' | 'demo' = 'empty',
  options: GoogleCalendarOptions = {},
  start = new Date('2025-03-05T12:00:00Z'),
): Promise<GoogleTestWorld> {
  const clock = {
    now: new Date(start),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  let baseUrl = '';
  const ctx: SandboxContext = {
    get baseUrl() {
      return baseUrl;
    },
    verifyAccessToken: async (token) =>
      token.startsWith('test-') ? { provider: 'google', user: token.slice(5), scopes: [] } : null,
    changed: () => {},
    now: () => new Date(clock.now),
  };
  const service = createGoogleCalendarService(ctx, options);
  service.seed(seed, [alex, sam]);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', baseUrl);
        // googleapis resolves its paths against rootUrl's origin only (googleapis-common apirequest.ts:
        // `new URL(path, rootUrl)`), so with rootUrl <url>/google/ calls arrive at /calendar/v3/...; the
        // sandbox server has to accept both forms, and so does this host.
        const path = url.pathname.startsWith(`${service.prefix}/`)
          ? url.pathname.slice(service.prefix.length)
          : url.pathname;
        const rawBody = Buffer.concat(chunks);
        let response: SandboxResponse = { status: 404, body: { error: { code: 404, message: 'No route' } } };
        for (const route of service.routes ?? []) {
          const params = route.method === req.method ? matchRoute(route.pattern, path) : null;
          if (!params) continue;
          const request: SandboxRequest = {
            method: req.method ?? 'GET',
            url,
            path,
            params,
            query: url.searchParams,
            headers: req.headers,
            body: rawBody.length ? JSON.parse(rawBody.toString('utf8')) : undefined,
            rawBody,
          };
          response = await route.handler(request);
          break;
        }
        const hasBody = response.body !== undefined;
        res.writeHead(response.status, {
          ...(hasBody ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
          ...response.headers,
        });
        res.end(hasBody ? JSON.stringify(response.body) : undefined);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    service,
    clock,
    calendarFor(user, token = `test-${user}`) {
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: token });
      return google.calendar({ version: 'v3', rootUrl: `${baseUrl}/google/`, auth });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
