/**
 * The sandbox's own certificate authority. Clients must speak HTTPS to it (the Graph client only attaches
 * tokens to https hosts, msal-node refuses http authorities), so each data dir gets one CA, kept across
 * restarts so a client that trusted it once keeps trusting it, and a fresh server certificate per start.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A PEM key pair: the certificate and its private key. */
export interface PemPair {
  cert: string;
  key: string;
}

/** What the HTTPS server needs, plus where the CA lives so clients can be told to trust it. */
export interface SandboxTls {
  ca: PemPair;
  caPath: string;
  server: PemPair;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function serialNumber(): string {
  // A positive serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function newKeys(): forge.pki.rsa.KeyPair {
  // node-forge uses Node's native generator for the synchronous call, so this takes milliseconds.
  return forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
}

function createCa(now: Date): PemPair {
  const keys = newKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * DAY_MS);
  const subject = [
    { name: 'commonName', value: 'Sched Sync Sandbox CA' },
    { name: 'organizationName', value: 'Sched Sync Sandbox' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) };
}

/** Issues a certificate for 127.0.0.1, ::1 and localhost signed by the given CA. */
export function createServerCertificate(ca: PemPair, now: Date = new Date()): PemPair {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const keys = newKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  // Under 398 days: the longest lifetime every TLS client still accepts for a leaf certificate.
  cert.validity.notAfter = new Date(now.getTime() + 390 * DAY_MS);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Loads the data dir's CA (creating `ca.pem` and `ca-key.pem` the first time) and issues a server certificate. */
export async function loadOrCreateTls(dataDir: string, now: Date = new Date()): Promise<SandboxTls> {
  await mkdir(dataDir, { recursive: true });
  const caPath = join(dataDir, 'ca.pem');
  const keyPath = join(dataDir, 'ca-key.pem');
  const [cert, key] = await Promise.all([readIfPresent(caPath), readIfPresent(keyPath)]);
  let ca: PemPair;
  if (cert && key) {
    ca = { cert, key };
  } else {
    ca = createCa(now);
    await writeFile(keyPath, ca.key, { mode: 0o600 });
    await writeFile(caPath, ca.cert, { mode: 0o644 });
  }
  return { ca, caPath, server: createServerCertificate(ca, now) };
}
