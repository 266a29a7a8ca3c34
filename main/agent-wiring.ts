/**
 * Wiring shared by both composition roots (main/index.ts for Electron, main/cli/headless-agent.ts for headless): the state DB,
 * the engine, the sandbox for Sandbox mode, outgoing TLS trust, and the runtime. Only the settings store, the
 * transport and the shell differ between the two.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import type { AgentNotice, AppSettingsView } from '../preload/contract';
import { AgentClock } from './agent/agent-clock';
import { ClockCron } from './scheduler/clock-cron';
import { applyDeployment } from './agent/deployment-policy';
import { LogRing } from './agent/diagnostics';
import type { LiveServices, SandboxInfoLike } from './agent/environment';
import { releaseOAuthClients } from './auth/release-clients';
import { AgentRuntime, type SandboxHandle } from './agent/runtime';
import { createSchedProbe } from './agent/sched-clients';
import { createServiceClients } from './agent/service-clients';
import { Engine } from './engine';
import { CachedAvailability, type SecretStore } from './secrets';
import { openStateDb, type StateDb } from './store';
import type { Deployment } from './store/deployment-file';
import type { SettingsStore } from './store/settings-store';

/** Where Sandbox mode gets its sandbox: started in the data dir, or a running one given by URL and CA. */
export type SandboxChoice = 'embedded' | { url: string; caPath: string };

export interface RuntimeWiring {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  /** Given: always Sandbox mode with that sandbox. Absent: the saved mode, with an embedded sandbox. */
  sandbox?: SandboxChoice;
  env: Record<string, string | undefined>;
  /** The deployment file of a managed install, if one was found. */
  deployment?: Deployment | null;
  /** Recent log lines for diagnostics; the caller pushes the lines it logs. */
  logRing?: LogRing;
  /** The settings file did not exist before this start: the deployment's defaults fill it. */
  freshSettings?: boolean;
  /** Where the live services are; Google's and Microsoft's own unless given. */
  liveServices?: LiveServices;
  version: string;
  syncOnStart: boolean;
  /** How often, at most, the schedule reads the agent's clock again (default a minute; ClockCron). */
  clockCheckMs?: number;
  log: (line: Record<string, unknown>) => void;
  /** Shows a notification on the desktop (the open UI gets it as a live event either way). */
  notify?: (notice: AgentNotice) => void;
  applySettings?: (settings: AppSettingsView) => Promise<void>;
}

const systemCas = getCACertificates('default');

/** Trusts the sandbox's CA next to the system's (Sandbox mode only), or the system's alone. */
function trustCa(caPem: string | null): void {
  setDefaultCACertificates(caPem ? [...systemCas, caPem] : systemCas);
}

async function attachSandbox(url: string, caPath: string): Promise<SandboxHandle> {
  const caPem = await readFile(caPath, 'utf8');
  trustCa(caPem);
  const response = await fetch(new URL('/sandbox/info', url));
  if (!response.ok) throw new Error(`The sandbox at ${url} answered ${response.status} to /sandbox/info.`);
  return { info: (await response.json()) as SandboxInfoLike, caPem, close: async () => undefined };
}

/**
 * The built-in sandbox, loaded only when Sandbox mode starts: it brings oidc-provider and the fake services, which
 * live mode never needs in memory or in its start time.
 */
async function startBuiltInSandbox(dataDir: string): Promise<SandboxHandle> {
  const { startSandbox } = await import('../sandbox/sandbox');
  return startSandbox({ dataDir, port: 0, seed: 'demo' });
}

/** Opens the state DB and builds the (not yet started) runtime. */
export function wireRuntime(w: RuntimeWiring): { runtime: AgentRuntime; db: StateDb } {
  applyDeployment(w.settings, w.deployment ?? null, w.freshSettings ?? false);
  // One clock for runs, windows and the state DB's stamps: the sandbox's in Sandbox mode (the runtime sets it).
  const clock = new AgentClock();
  const db = openStateDb(join(w.dataDir, 'state.db'), { clock: () => clock.now() });
  const logRing = w.logRing ?? new LogRing();
  const engine = new Engine({
    db,
    now: () => clock.now(),
    log: (event) => {
      const line = { msg: 'engine', ...event };
      if (!w.logRing) logRing.push(line);
      w.log(line);
    },
  });
  const choice = w.sandbox;
  // Status is polled; it reads the last probe of the agent's own store instead of asking the keychain each time.
  const keychain = new CachedAvailability(() => w.secrets.available?.() ?? Promise.resolve(true));
  void keychain.refresh();
  const runtime = new AgentRuntime({
    settings: w.settings,
    secrets: w.secrets,
    db,
    engine,
    clock,
    // Schedules fall due by the agent's clock, so a sandbox clock moved forward brings the runs it made due.
    cron: new ClockCron(clock, { checkEveryMs: w.clockCheckMs }),
    version: w.version,
    env: w.env,
    deployment: w.deployment ?? null,
    releaseClients: releaseOAuthClients,
    liveServices: w.liveServices,
    logRing,
    sandbox: async () =>
      typeof choice === 'object'
        ? attachSandbox(choice.url, choice.caPath)
        : startBuiltInSandbox(join(w.dataDir, 'sandbox')),
    trustCa,
    clientsFor: (env) => createServiceClients(env, w.secrets),
    probeSched: createSchedProbe,
    keychainAvailable: () => keychain.current(),
    notify: w.notify,
    log: w.log,
    applySettings: w.applySettings,
    syncOnStart: w.syncOnStart,
    forceSandbox: choice !== undefined,
  });
  return { runtime, db };
}
