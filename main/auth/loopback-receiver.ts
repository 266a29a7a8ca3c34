/**
 * The one-shot redirect receiver of a native app's sign-in (RFC 8252 §7.3): an HTTP server on 127.0.0.1 at a
 * port the OS picks, alive for one sign-in, that checks `state`, hands the code over, shows a small page and
 * closes. https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { providerLabel, type AuthProviderName } from './account-tokens';
import { SignInError } from './auth-errors';

/** The path the browser is redirected to. */
export const callbackPath = '/callback';

/** What the receiver waits for. */
export interface ReceiveOptions<T> {
  provider: AuthProviderName;
  /** The `state` sent in the authorization request; a redirect with another one is refused (RFC 6749 §10.12). */
  state: string;
  /** How long the person has to finish; then the server closes and the sign-in fails. */
  timeoutMs: number;
  /** Exchanges the code; its outcome decides the page the person sees and what `receive` resolves to. */
  onCode(code: string): Promise<T>;
}

/** A listening receiver: its redirect URI goes into the authorization request. */
export interface LoopbackReceiver {
  readonly redirectUri: string;
  /** Waits for one valid redirect; resolves with `onCode`'s result or rejects with a `SignInError`. */
  receive<T>(options: ReceiveOptions<T>): Promise<T>;
  /** Stops waiting: a pending `receive` rejects as cancelled. */
  close(): void;
}

/** Opens the receiver on 127.0.0.1 with an OS-chosen port. */
export async function listenLoopback(): Promise<LoopbackReceiver> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    send(res, 404, 'Not found');
  let cancel: () => void = () => undefined;
  const server = createServer((req, res) => handle(req, res));
  // The browser sends one small GET; a socket that sends nothing (or slowly) is not a browser.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.timeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Responses say `Connection: close`, so closing idle sockets never cuts a page short.
  const shutdown = (): void => {
    server.close();
    server.closeIdleConnections();
  };

  return {
    redirectUri: `http://127.0.0.1:${port}${callbackPath}`,
    close() {
      cancel();
      shutdown();
      // Cancelled (or replaced by a newer sign-in): no page is owed, so no socket is kept for anyone.
      server.closeAllConnections();
    },
    receive<T>(options: ReceiveOptions<T>): Promise<T> {
      const name = providerLabel(options.provider);
      return new Promise<T>((resolve, reject) => {
        let busy = false;
        const finish = (outcome: () => void): void => {
          clearTimeout(timer);
          cancel = () => undefined;
          handle = (_req, res) => send(res, 410, 'This sign-in has already finished.');
          shutdown();
          outcome();
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new SignInError(
                  options.provider,
                  'timeout',
                  `The ${name} sign-in was not finished in time. Start it again from Sched Sync.`,
                ),
              ),
            ),
          options.timeoutMs,
        );
        cancel = () =>
          finish(() =>
            reject(new SignInError(options.provider, 'cancelled', `The ${name} sign-in was cancelled.`)),
          );

        handle = (req, res) => {
          const url = new URL(req.url ?? '/', 'http://127.0.0.1');
          if (url.pathname !== callbackPath) return send(res, 404, 'Not found');
          if (busy) return send(res, 409, 'This sign-in is already being completed in another tab.');
          const query = url.searchParams;
          // A redirect without our state was not started by us (or is stale): refuse it and keep waiting.
          if (query.get('state') !== options.state) {
            return send(
              res,
              400,
              'This sign-in link does not belong to the sign-in Sched Sync is waiting for.',
            );
          }
          const error = query.get('error');
          if (error) {
            const denied = error === 'access_denied';
            const message = denied
              ? `Access was denied at ${name}, so the account was not connected. Sign in again and choose Allow to connect it.`
              : `${name} refused the sign-in (${safe(error)}). Try signing in again.`;
            send(res, 200, message, false);
            return finish(() =>
              reject(new SignInError(options.provider, denied ? 'denied' : 'failed', message)),
            );
          }
          const code = query.get('code');
          if (!code) return send(res, 400, `${name} sent no authorization code.`);
          busy = true;
          options.onCode(code).then(
            (value) => {
              send(res, 200, 'Signed in — you can close this tab and return to Sched Sync.', true);
              finish(() => resolve(value));
            },
            (err: unknown) => {
              const message = err instanceof Error ? err.message : `The ${name} sign-in failed.`;
              send(res, 200, message, false);
              finish(() => reject(err));
            },
          );
        };
      });
    },
  };
}

/** Keeps only a short OAuth error code from the query string in what we show. */
const safe = (code: string): string => (/^[\w.-]{1,40}$/.test(code) ? code : 'error');

function send(res: ServerResponse, status: number, message: string, ok = false): void {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sched Sync</title></head>
<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem">
<h1>${ok ? 'Signed in' : 'Not signed in'}</h1><p>${escaped}</p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(body);
}
