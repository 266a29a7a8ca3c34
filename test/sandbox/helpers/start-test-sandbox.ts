/**
 * Starts a real sandbox for a test file: a temp data dir, the sandbox CA trusted by this process (fetch,
 * googleapis, the Graph client and msal-node all read Node's default CA list), and everything removed after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../../../sandbox/sandbox';

/** A sandbox started for tests, plus its temp data dir. */
export interface TestSandbox extends RunningSandbox {
  dataDir: string;
  /** Stops the sandbox and deletes its data dir. */
  dispose(): Promise<void>;
}

const trusted = new Set<string>();

/** Adds a CA to this process's default trust store (Node 22's `tls.setDefaultCACertificates`). */
export function trustCa(caPem: string): void {
  if (trusted.has(caPem)) return;
  trusted.add(caPem);
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), caPem]);
}

/** Starts a sandbox in a fresh temp dir (or the given `dataDir`) and trusts its CA. */
export async function startTestSandbox(options: Partial<StartSandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sched-sandbox-')));
  const sandbox = await startSandbox({ seed: 'demo', port: 0, ...options, dataDir });
  trustCa(sandbox.caPem);
  return Object.assign(sandbox, {
    dataDir,
    dispose: async () => {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

/** Starts a sandbox before the file's tests and disposes of it after; call inside a `describe` or at top level. */
export function useTestSandbox(options: Partial<StartSandboxOptions> = {}): () => TestSandbox {
  let sandbox: TestSandbox | undefined;
  beforeAll(async () => {
    sandbox = await startTestSandbox(options);
  });
  afterAll(async () => {
    await sandbox?.dispose();
  });
  return () => {
    if (!sandbox) throw new Error('The test sandbox is not started yet (use it inside a test or hook).');
    return sandbox;
  };
}

/** Parsed JSON of a response; loosely typed because tests read whatever shape the API under test returns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

/** `fetch` against the sandbox with a JSON body and bearer token when given; returns status, headers and JSON. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: JsonBody }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the caller gets the text.
  }
  return { status: response.status, headers: response.headers, body };
}
