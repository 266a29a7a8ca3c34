/**
 * The headless agent host (API.md §1, `sched-sync agent`): the agent with its state in a data dir, the loopback HTTP
 * API with a bearer token kept 0600 beside it, the web UI, and the sandbox for Sandbox mode. A composition root.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentRuntime } from './agent/runtime';
import { wireRuntime, type SandboxChoice } from './agent-wiring';
import { KeychainSecretStore, type SecretStore } from './secrets';
import { openConfSettingsStore } from './store';
import { hasNetworkInterface, watchOnline } from './scheduler/online-watcher';
import { startHttpTransport, type HttpTransport } from './transport/http';

export interface AgentHostOptions {
  dataDir: string;
  /** 0: any free port. */
  port: number;
  sandbox?: SandboxChoice;
  /** Folder of the built web UI. */
  uiDir?: string;
  /** The OS keychain unless given (tests pass the keychain under a service name of their own). */
  secrets?: SecretStore;
  env?: Record<string, string | undefined>;
  version?: string;
  syncOnStart?: boolean;
  log?: (line: Record<string, unknown>) => void;
}

export interface AgentHost {
  url: string;
  token: string;
  ui_url: string;
  runtime: AgentRuntime;
  transport: HttpTransport;
  close(): Promise<void>;
}

/** Reads the API token of a data dir, creating it (owner-only) on first start. */
export async function agentToken(dataDir: string): Promise<string> {
  const path = join(dataDir, 'agent-token');
  const existing = await readFile(path, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const token = randomBytes(32).toString('base64url');
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return token;
}

/** Starts the agent host. */
export async function startAgentHost(options: AgentHostOptions): Promise<AgentHost> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? (() => undefined);
  const { runtime, db } = wireRuntime({
    dataDir: options.dataDir,
    settings: openConfSettingsStore(options.dataDir),
    secrets: options.secrets ?? new KeychainSecretStore(),
    sandbox: options.sandbox,
    env: options.env ?? {},
    version: options.version ?? '0.1.0',
    syncOnStart: options.syncOnStart ?? false,
    log,
  });
  try {
    await runtime.start();
  } catch (error) {
    db.close();
    throw error;
  }
  const token = await agentToken(options.dataDir);
  const transport = await startHttpTransport({
    agent: runtime.agent,
    token,
    port: options.port,
    uiDir: options.uiDir,
    subscribe: (listener) => runtime.bus.subscribe(listener),
    log,
  });
  await writeFile(
    join(options.dataDir, 'agent.json'),
    JSON.stringify({ url: transport.url, pid: process.pid }),
    {
      mode: 0o600,
    },
  );
  const stopWatching = watchOnline({
    isOnline: hasNetworkInterface,
    onBackOnline: () => void runtime.sync.trigger('online'),
  });
  log({ msg: 'agent started', url: transport.url, mode: runtime.mode });
  return {
    url: transport.url,
    token,
    ui_url: `${transport.url}/#token=${encodeURIComponent(token)}`,
    runtime,
    transport,
    async close() {
      stopWatching();
      await transport.close();
      await runtime.stop();
      db.close();
      log({ msg: 'agent stopped' });
    },
  };
}
