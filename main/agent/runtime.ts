/**
 * The running agent: builds the services around the state, picks the environment (the embedded sandbox until a
 * real Sched is configured), and switches to live services when the person configures Sched. The composition
 * roots (main/index.ts, main/cli/headless-agent.ts) construct it; it knows nothing of Electron or of how the sandbox starts.
 */
import type { AgentApi, AgentNotice, AppSettingsView } from '../../preload/contract';
import type { OAuthClients } from '../auth';
import type { CronLike } from '../scheduler/scheduler';
import type { SecretStore } from '../secrets/secret-store';
import type { Deployment } from '../store/deployment-file';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import { AccountsService } from './accounts-service';
import { sandboxClock, type AgentClock } from './agent-clock';
import { createAgent } from './agent';
import { ConnectionsService } from './connections-service';
import { PauseService } from './pause-service';
import {
  liveEnvironment,
  productionServices,
  sandboxEnvironment,
  type LiveServices,
  type SandboxInfoLike,
  type ServiceEnvironment,
} from './environment';
import { collectDiagnostics, LogRing } from './diagnostics';
import { EventBus } from './event-bus';
import { knownSecrets } from './known-secrets';
import { NoticeWatcher } from './notice-watcher';
import type { SchedDirectory, ServiceClients } from './ports';
import { SchedService } from './sched-service';
import { SettingsService } from './settings-service';
import { SyncService, type EngineLike } from './sync-service';

/** A sandbox the agent can use: the embedded one it started, or a running one it was pointed at. */
export interface SandboxHandle {
  info: SandboxInfoLike;
  caPem: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  db: StateDb;
  engine: EngineLike;
  /** The agent's clock; it follows the sandbox's in Sandbox mode. Absent: the system clock (unit tests). */
  clock?: Pick<AgentClock, 'now' | 'follow' | 'refresh'>;
  cron: CronLike;
  version: string;
  /** Process environment: `SCHED_SYNC_*` client ids are a developer override, never needed. */
  env: Record<string, string | undefined>;
  /** The deployment file of a managed install, if one was found. */
  deployment?: Deployment | null;
  /** The OAuth client ids built into this release. */
  releaseClients?: OAuthClients;
  /** Where the live services are; Google's and Microsoft's own unless given (tests: a sandbox posing as them). */
  liveServices?: LiveServices;
  /** The recent log lines diagnostics include. */
  logRing?: LogRing;
  /** Starts (or attaches to) the sandbox for Sandbox mode. */
  sandbox: () => Promise<SandboxHandle>;
  /** Trusts the sandbox CA for outgoing TLS (sandbox mode), or only the system's (null). */
  trustCa: (caPem: string | null) => void;
  clientsFor: (env: ServiceEnvironment) => ServiceClients;
  probeSched: (baseUrl: string, apiKey: string) => SchedDirectory;
  keychainAvailable: () => Promise<boolean>;
  /** Shows a notification on the desktop (it also goes to the open UI as a `notification` live event). */
  notify?: (notice: AgentNotice) => void;
  /** The agent's log (notifications that could not read the state). */
  log?: (line: Record<string, unknown>) => void;
  applySettings?: (settings: AppSettingsView) => Promise<void>;
  /** Run every connection once at start (the desktop app and headless agent do; tests may not). */
  syncOnStart?: boolean;
  /** Use the sandbox even when live services are configured (`sched-sync agent --sandbox`). */
  forceSandbox?: boolean;
}

/** The agent with its environment. */
export class AgentRuntime {
  readonly bus = new EventBus();
  readonly agent: AgentApi;
  readonly sync: SyncService;
  private environment: ServiceEnvironment | null = null;
  private clients: ServiceClients | null = null;
  private sandbox: SandboxHandle | null = null;
  readonly preferences: SettingsService;
  /** Decides the notifications (one per cause until it changes) after each change of the agent's state. */
  readonly notices: NoticeWatcher;

  constructor(private readonly options: RuntimeOptions) {
    const { settings, db, secrets } = options;
    const clients = () => {
      if (!this.clients) throw new Error('The agent has not started.');
      return this.clients;
    };
    this.sync = new SyncService({
      settings,
      db,
      clients,
      engine: options.engine,
      clock: options.clock,
      bus: this.bus,
      cron: options.cron,
    });
    const changed = () => this.sync.reschedule();
    this.preferences = new SettingsService({
      settings,
      secrets,
      deployment: options.deployment ?? null,
      release: options.releaseClients ?? {},
      env: options.env,
      applySettings: options.applySettings,
      clientsChanged: () => this.refreshLive(),
    });
    this.agent = createAgent({
      settings,
      connections: new ConnectionsService({
        settings,
        db,
        clients,
        bus: this.bus,
        changed,
        registered: (id) => this.sync.registeredAgain(id),
        finishBeforeRemap: (stored, from) => this.sync.finishBeforeRemap(stored, from),
      }),
      pauses: new PauseService({
        settings,
        db,
        clients,
        bus: this.bus,
        changed,
        report: (id) => this.sync.reportStatus(id),
      }),
      accounts: new AccountsService({
        settings,
        db,
        clients,
        bus: this.bus,
        reportStatus: (id) => this.sync.reportStatus(id),
      }),
      sched: new SchedService({
        settings,
        secrets,
        clients,
        probe: options.probeSched,
        goLive: () => this.goLive(),
      }),
      sync: this.sync,
      version: options.version,
      mode: () => this.environment?.mode ?? settings.getMode(),
      schedBaseUrl: () => this.environment?.sched?.base_url ?? null,
      keychainAvailable: options.keychainAvailable,
      preferences: this.preferences,
      diagnostics: () =>
        collectDiagnostics({
          versions: {
            app: options.version,
            node: process.versions.node,
            ...(process.versions.electron ? { electron: process.versions.electron } : {}),
            platform: `${process.platform} ${process.arch}`,
          },
          mode: () => this.mode,
          connections: async () => (await this.agent.list()).calendars,
          accounts: async () => (await this.agent.accounts()).accounts,
          runs: () => this.sync.runs(),
          log: options.logRing ?? new LogRing(),
          knownSecrets: () =>
            knownSecrets({
              secrets: options.secrets,
              settings: options.settings,
              sandboxSecrets: () => [
                this.sandbox?.info.sched.api_key,
                this.sandbox?.info.google.client_secret,
              ],
              googleClientSecret: async () =>
                (await this.preferences.oauthClients()).google?.config.client_secret,
            }),
        }),
    });
    this.notices = new NoticeWatcher({
      snapshot: async () => ({
        connections: (await this.agent.list()).calendars,
        conflicts: this.sync.conflicts(),
      }),
      enabled: () => settings.getSettings().notifications,
      emit: (notice) => {
        this.bus.publish({ type: 'notification', data: notice });
        options.notify?.(notice);
      },
      log: options.log,
    });
  }

  /** The environment in force (for the status line and tests). */
  get mode(): 'sandbox' | 'live' {
    return this.environment?.mode ?? this.options.settings.getMode();
  }

  /** The sandbox in use, in Sandbox mode. */
  get sandboxInfo(): SandboxInfoLike | null {
    return this.sandbox?.info ?? null;
  }

  /** Picks the environment and starts scheduling. */
  async start(): Promise<void> {
    const { settings } = this.options;
    const sched = settings.getSched();
    if (settings.getMode() === 'live' && sched && !this.options.forceSandbox) {
      this.use(await this.live(sched.base_url));
    } else {
      this.sandbox = await this.options.sandbox();
      this.options.trustCa(this.sandbox.caPem);
      this.use(sandboxEnvironment(this.sandbox.info));
    }
    await this.options.clock?.refresh();
    await this.sync.reportLostStatuses();
    this.bus.subscribe(this.notices.onEvent);
    // What already needs the person (a sign-in, a conflict) is announced once at start.
    void this.notices.check();
    this.sync.reschedule();
    if (this.options.syncOnStart) void this.sync.trigger('startup');
  }

  /** Stops scheduling, waits for runs in flight, and stops the embedded sandbox. */
  async stop(): Promise<void> {
    await this.sync.stop();
    await this.sandbox?.close();
    this.sandbox = null;
  }

  /**
   * Leaves Sandbox mode: the demo connections and accounts are forgotten (they point at calendars that exist only
   * in the sandbox), the sandbox stops, and the clients are rebuilt for the real services.
   */
  private async goLive(): Promise<void> {
    if (this.environment?.mode === 'sandbox') {
      const { settings } = this.options;
      await this.sync.stop();
      for (const c of settings.listConnections()) {
        settings.removeConnection(c.calendar_id);
        this.options.db.connections.remove(c.calendar_id);
      }
      for (const a of settings.listAccounts()) {
        await this.clients?.forget(a.id);
        settings.removeAccount(a.id);
      }
      await this.sandbox?.close();
      this.sandbox = null;
      this.options.trustCa(null);
    }
    const sched = this.options.settings.getSched();
    this.use(await this.live(sched?.base_url ?? null));
    this.sync.reschedule();
    this.bus.publish({ type: 'mode', data: { mode: 'live' } });
  }

  /** The live environment with the OAuth clients in force now. */
  private async live(schedBaseUrl: string | null): Promise<ServiceEnvironment> {
    const clients = await this.preferences.oauthClients();
    return liveEnvironment(
      schedBaseUrl,
      this.options.secrets,
      clients,
      this.options.liveServices ?? productionServices,
    );
  }

  /** After the sign-in apps changed: live clients are rebuilt with them (Sandbox mode keeps the sandbox's). */
  private async refreshLive(): Promise<void> {
    if (this.environment?.mode !== 'live') return;
    this.use(await this.live(this.environment.sched?.base_url ?? null));
    this.sync.reschedule();
  }

  private use(environment: ServiceEnvironment): void {
    this.environment = environment;
    const sandboxUrl = environment.mode === 'sandbox' ? this.sandbox?.info.url : undefined;
    this.options.clock?.follow(sandboxUrl ? sandboxClock(sandboxUrl) : null);
    this.clients = this.options.clientsFor(environment);
  }
}
