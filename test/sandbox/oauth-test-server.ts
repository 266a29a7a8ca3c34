/**
 * Hosts the OAuth stand-in alone on an HTTPS loopback port with a throwaway CA, so its tests can use the
 * real google-auth-library and msal-node, plus a tiny "browser" that fills in the sign-in page with fetch.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import forge from 'node-forge';
import type { SandboxContext } from '../../sandbox/core/types';
import { createOAuthService, type OAuthService, type OAuthServiceOptions } from '../../sandbox/oauth/index';

export const alex = 'alex@sandbox.example';
export const sam = 'sam@sandbox.example';
export const jordan = 'jordan@sandbox.example';
export const riley = 'riley@sandbox.example';

export const seededUsers = { google: [alex, sam], microsoft: [jordan, riley] };

interface Pem {
  key: string;
  cert: string;
}

function certificate(
  commonName: string,
  signer: { key: forge.pki.rsa.PrivateKey; cert?: forge.pki.Certificate },
  isCa: boolean,
) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ format: 'pem', type: 'spki' }).toString());
  cert.serialNumber = `0${Date.now().toString(16)}${isCa ? '1' : '2'}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(signer.cert ? signer.cert.subject.attributes : [{ name: 'commonName', value: commonName }]);
  cert.setExtensions(
    isCa
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [
              { type: 7, ip: '127.0.0.1' },
              { type: 2, value: 'localhost' },
            ],
          },
        ],
  );
  const forgeKey = forge.pki.privateKeyFromPem(keyPem);
  cert.sign(signer.cert ? signer.key : forgeKey, forge.md.sha256.create());
  return { key: keyPem, cert: forge.pki.certificateToPem(cert), forgeKey, forgeCert: cert };
}

/** A throwaway CA and a server certificate for 127.0.0.1 signed by it. */
export function throwawayTls(): { ca: string; server: Pem } {
  const placeholder = forge.pki.privateKeyFromPem(
    generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString(),
  );
  const ca = certificate('Sched Sync OAuth test CA', { key: placeholder }, true);
  const server = certificate('127.0.0.1', { key: ca.forgeKey, cert: ca.forgeCert }, false);
  return { ca: ca.cert, server: { key: server.key, cert: server.cert } };
}

/** A running OAuth stand-in. */
export interface OAuthTestWorld {
  url: string;
  service: OAuthService;
  /** How many times the service reported a state change. */
  changes(): number;
  /** Moves the sandbox clock (what `verifyAccessToken` and the store judge expiry by). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** One CA per test process: several CAs with one subject in the trust store break chain building. */
let processTls: ReturnType<typeof throwawayTls> | undefined;

function trustedTestTls(): ReturnType<typeof throwawayTls> {
  if (!processTls) {
    processTls = throwawayTls();
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), processTls.ca]);
  }
  return processTls;
}

/** Starts the OAuth service on its own HTTPS server; the test process trusts its CA from then on. */
export async function startOAuthTestServer(
  options: Partial<OAuthServiceOptions> = {},
  snapshot?: unknown,
): Promise<OAuthTestWorld> {
  const { server: pem } = trustedTestTls();

  // The service needs the server's URL, so the server starts first and finds the service here.
  const mounted: { service?: OAuthService } = {};
  const server: Server = createServer(pem, (req, res) => {
    const { service } = mounted;
    if (service && (req.url ?? '').startsWith(`${service.prefix}/`)) {
      void service.raw?.(req, res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let changes = 0;
  let offsetMs = 0;
  const ctx: SandboxContext = {
    baseUrl: url,
    verifyAccessToken: async (token) => (await mounted.service?.verifyAccessToken(token)) ?? null,
    changed: () => {
      changes += 1;
    },
    now: () => new Date(Date.now() + offsetMs),
  };
  const service = await createOAuthService(ctx, { users: seededUsers, ...options });
  mounted.service = service;
  if (snapshot !== undefined) service.restore(snapshot);

  return {
    url,
    service,
    changes: () => changes,
    advanceClock: (ms) => {
      offsetMs += ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The outcome of a sign-in: where the sandbox finally sent the browser, and the pages it showed. */
export interface SignInOutcome {
  /** Absent when the sign-in page refused the e-mail (then `status` is its status). */
  redirect?: URL;
  status: number;
  pages: string[];
}

/**
 * Plays the person at the browser: opens the authorization URL, fills the sign-in page's Email field,
 * presses Allow or Deny, and follows redirects until the sandbox sends the browser to the app.
 */
export async function signInWithBrowser(
  authUrl: string,
  email: string,
  decision: 'allow' | 'deny' = 'allow',
): Promise<SignInOutcome> {
  const jar = new Map<string, string>();
  const pages: string[] = [];
  const origin = new URL(authUrl).origin;
  let next = new URL(authUrl);
  let form: URLSearchParams | undefined;

  for (let hops = 0; hops < 10; hops++) {
    const response = await fetch(next, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
    });
    form = undefined;
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      if (next.origin !== origin) return { redirect: next, status: response.status, pages };
      await response.body?.cancel();
      continue;
    }
    const html = await response.text();
    pages.push(html);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (action && pages.length > 1) return { status: response.status, pages };
    if (response.status !== 200 || !action) {
      throw new Error(`The sign-in stopped at ${next.href} (${response.status}): ${html.slice(0, 500)}`);
    }
    next = new URL(action.replaceAll('&amp;', '&'), next);
    form = new URLSearchParams({ email, decision });
  }
  throw new Error('The sign-in did not reach the app after 10 redirects.');
}
