/**
 * Small HTTPS servers a test starts to stand for a wrong Sched URL: a web page, a failing server, or one whose
 * certificate the agent does not trust. Certificates come from the sandbox's CA code (sandbox/core/ca.ts).
 */
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createServerCertificate, loadOrCreateTls, type PemPair } from '../../../sandbox/core/ca';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `handle` over HTTPS on 127.0.0.1 with the given certificate. */
export async function startHttps(
  tls: PemPair,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LocalServer> {
  const server: Server = createHttpsServer({ cert: tls.cert, key: tls.key }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A certificate for 127.0.0.1 from the CA in `caDir` (the sandbox's, which the agent trusts), issued at `now`. */
export async function certificateFrom(caDir: string, now = new Date()): Promise<PemPair> {
  const { ca } = await loadOrCreateTls(caDir);
  return createServerCertificate(ca, now);
}

/** A certificate from a brand-new CA nobody trusts. */
export async function untrustedCertificate(dir: string): Promise<PemPair> {
  const { ca } = await loadOrCreateTls(join(dir, 'untrusted-ca'));
  return createServerCertificate(ca);
}

/** A port on 127.0.0.1 with nothing listening (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
