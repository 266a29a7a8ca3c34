/**
 * The headless agent (API.md §1, `sched-sync agent`), a composition root: the agent with its state in a data dir,
 * the loopback HTTP API with a bearer token kept 0600 beside it, the web UI, and the sandbox for Sandbox mode.
 * Prints `{"url","token","ui_url"}` when ready and stops cleanly on SIGINT/SIGTERM: runs in flight finish their
 * batch, the state DB closes, the sandbox saves.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LogRing } from '../agent/diagnostics';
import { createLogger } from '../agent/logger';
import type { AgentRuntime } from '../agent/runtime';
import { wireRuntime, type SandboxChoice } from '../agent-wiring';
import { KeychainSecretStore, type SecretStore } from '../secrets';
import { openConfSettingsStore, settingsFileName } from '../store';
import type { LiveServices } from '../agent/environment';
import { deploymentFileCandidates, readDeploymentFile, type Deployment } from '../store/deployment-file';
import { hasNetworkInterface, watchOnline } from '../scheduler/online-watcher';
import { startHttpTransport, type HttpTransport } from '../transport/http';
import type { ServerTimeouts } from '../transport/connection-limits';
import { defaultAgentDataDir } from './agent-ops';
import { tuneAgentHeap } from './agent-heap';
import { releaseMemoryWhenIdle } from '../agent/memory-release';
import type { FlagValues } from './command-line';

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
  /** The deployment file; looked for beside the program and in the system's config folder unless given. */
  deployment?: Deployment | null;
  /** Where the live services are; Google's and Microsoft's own unless given. */
  liveServices?: LiveServices;
  version?: string;
  syncOnStart?: boolean;
  /** How often, at most, the schedule reads the agent's clock again (tests shorten the default minute). */
  clockCheckMs?: number;
  /** The HTTP server's timeouts; the defaults unless given (tests shorten them). */
  serverTimeouts?: Partial<ServerTimeouts>;
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
  const logRing = new LogRing();
  const log = (line: Record<string, unknown>) => {
    logRing.push(line);
    options.log?.(line);
  };
  const freshSettings = !existsSync(join(options.dataDir, `${settingsFileName}.json`));
  const deployment =
    options.deployment !== undefined
      ? options.deployment
      : readDeploymentFile(
          deploymentFileCandidates(process.platform, process.argv[1] ?? process.execPath, process.env),
        );
  const { runtime, db } = wireRuntime({
    dataDir: options.dataDir,
    settings: openConfSettingsStore(options.dataDir),
    deployment,
    freshSettings,
    liveServices: options.liveServices,
    logRing,
    secrets: options.secrets ?? new KeychainSecretStore(),
    sandbox: options.sandbox,
    env: options.env ?? {},
    version: options.version ?? '0.1.0',
    // The first runs start once the API answers (below): their sign-ins and client loading would delay the ready line.
    syncOnStart: false,
    ...(options.clockCheckMs !== undefined ? { clockCheckMs: options.clockCheckMs } : {}),
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
    ...(options.serverTimeouts ? { timeouts: options.serverTimeouts } : {}),
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
  if (options.syncOnStart) void runtime.sync.trigger('startup');
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

/** The built web UI beside the bundle (dist-electron/../dist/renderer) or in the source tree's build output. */
function findUiDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(here, '../dist/renderer'), resolve(here, '../../dist/renderer')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/** Where the command writes and which signals stop it. */
interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  untilStopped: () => Promise<string>;
}

/** Runs the agent until a signal; resolves with the exit code. */
export async function runAgent(flags: FlagValues, io: Io): Promise<number> {
  const port = (flags.port as number | undefined) ?? 0;
  if (port < 0 || port > 65535) {
    io.stderr.write('sched-sync agent: --port must be from 0 to 65535.\n');
    return 2;
  }
  const sandboxFlag = flags.sandbox;
  if (typeof sandboxFlag === 'string' && typeof flags.ca !== 'string') {
    io.stderr.write(
      'sched-sync agent: --sandbox URL needs --ca PATH (the sandbox CA certificate it printed).\n',
    );
    return 2;
  }
  const dataDir = (flags.data as string | undefined) ?? defaultAgentDataDir();
  const logger = createLogger(io.stderr);
  const host = await startAgentHost({
    dataDir,
    port,
    sandbox:
      typeof sandboxFlag === 'string'
        ? { url: sandboxFlag, caPath: flags.ca as string }
        : sandboxFlag === true
          ? 'embedded'
          : undefined,
    uiDir: findUiDir(),
    env: process.env,
    syncOnStart: true,
    log: (line) => logger.info(line),
  });
  io.stdout.write(`${JSON.stringify({ url: host.url, token: host.token, ui_url: host.ui_url })}\n`);
  // Once ready: the flags are for the runs' garbage, and more frequent collections would only lengthen the start.
  // Only the agent a person runs: tests start the host in their own process and keep V8's defaults.
  tuneAgentHeap();
  releaseMemoryWhenIdle(host.runtime.sync, (line) => logger.info(line));
  const signal = await io.untilStopped();
  await host.close();
  io.stderr.write(`sched-sync agent: stopped on ${signal}.\n`);
  return 0;
}
