/**
 * A real headless agent for integration tests: the agent host on a temp data dir, attached to a test sandbox,
 * with the real OS keychain (run the tests under gnome-keyring). Calls go over its HTTP API with its token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startAgentHost, type AgentHost, type AgentHostOptions } from '../../../main/cli/headless-agent';
import { KeychainSecretStore } from '../../../main/secrets';
import type { JsonBody, TestSandbox } from '../../sandbox/helpers/start-test-sandbox';

export interface AgentUnderTest {
  host: AgentHost;
  /** The keychain store the agent uses (the real keychain, under this agent's own service name). */
  secrets: KeychainSecretStore;
  dataDir: string;
  /** Every line the agent logged, oldest first. */
  logs: Record<string, unknown>[];
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: JsonBody }>;
  restart(): Promise<void>;
  close(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts an agent attached to `sandbox`; `dataDir` reuses an earlier agent's state; `serverTimeouts` shortens its HTTP server's. */
export async function startAgentUnderTest(
  sandbox: TestSandbox,
  dataDir?: string,
  serverTimeouts?: AgentHostOptions['serverTimeouts'],
): Promise<AgentUnderTest> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'sched-agent-')));
  // The real keychain, under a service name of this agent's own so test files never share (or touch a person's) secrets.
  const secrets = new KeychainSecretStore({ service: `sched-sync-test-${randomUUID()}` });
  const logs: Record<string, unknown>[] = [];
  const start = () =>
    startAgentHost({
      dataDir: dir,
      port: 0,
      sandbox: { url: sandbox.url, caPath: sandbox.caPath },
      secrets,
      log: (line) => logs.push(line),
      ...(serverTimeouts ? { serverTimeouts } : {}),
    });
  const state = { host: await start() };
  return {
    get host() {
      return state.host;
    },
    dataDir: dir,
    secrets,
    logs,
    async api(method, path, body) {
      const response = await fetch(`${state.host.url}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${state.host.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async restart() {
      await state.host.close();
      state.host = await start();
    },
    close: () => state.host.close(),
    async dispose() {
      await state.host.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
