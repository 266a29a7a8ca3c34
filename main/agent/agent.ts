/**
 * The agent: the one API both transports expose (shared/API.md §2). Each operation is a thin call into the service
 * that owns it; inputs arrive already validated by the transport, and every service re-checks what only it can
 * (the resource exists, the account is signed in), so a bad request changes nothing.
 */
import type {
  AgentApi,
  AgentStatus,
  ConnectInput,
  Diagnostics,
  DisconnectInput,
  SettingsPatch,
  UpdateInput,
} from '../../preload/contract';
import type { SettingsStore } from '../store/settings-store';
import type { AccountsService } from './accounts-service';
import type { ConnectionsService } from './connections-service';
import type { PauseService } from './pause-service';
import type { AgentMode } from './environment';
import type { SchedService } from './sched-service';
import type { SettingsService } from './settings-service';
import type { SyncService } from './sync-service';

export interface AgentParts {
  settings: SettingsStore;
  connections: ConnectionsService;
  pauses: PauseService;
  accounts: AccountsService;
  sched: SchedService;
  sync: SyncService;
  version: string;
  mode(): AgentMode;
  schedBaseUrl(): string | null;
  keychainAvailable(): Promise<boolean>;
  /** The Settings page: the person's settings, sign-in apps and the administrator's locks. */
  preferences: SettingsService;
  /** What a person sends when asking for help, every secret removed. */
  diagnostics(): Promise<Diagnostics>;
}

/** Builds the AgentApi from its parts. */
export function createAgent(parts: AgentParts): AgentApi {
  const { connections, pauses, accounts, sched, sync, settings } = parts;
  return {
    connect: async (input: ConnectInput) => {
      const connected = await connections.connect(input);
      if (input.oauth_token) accounts.signedInAgain(connected.account_id);
      return connected;
    },
    list: async () => connections.list(),
    update: async ({ paused, ...input }: UpdateInput) => {
      // `paused` alone is a pause or resume; with other fields the update goes first, so a refused one pauses nothing.
      const more = Object.keys(input).length > 1;
      const updated = paused === undefined || more ? await connections.update(input) : null;
      if (input.oauth_token && updated) accounts.signedInAgain(updated.account_id);
      const result = paused === undefined ? updated! : await pauses.set(input.calendar_id, paused);
      // A new sign-in, a pause or any status the update set reaches Sched's Connected Calendars right away.
      await sync.reportStatus(input.calendar_id);
      return result;
    },
    pauseAll: ({ paused }) => pauses.setAll(paused),
    disconnect: (input: DisconnectInput) => connections.disconnect(input),
    syncNow: async (input) => ({ runs: await sync.syncNow(input?.calendar_id) }),
    preview: ({ calendar_id }) => sync.preview(calendar_id),
    review: ({ calendar_id, decision }) => sync.review(calendar_id, decision),
    conflicts: async () => ({ conflicts: sync.conflicts() }),
    resolveConflict: ({ id, resolution }) => sync.resolve(id, resolution),
    runs: async (input) => ({ runs: sync.runs(input?.calendar_id) }),
    undo: ({ run_id }) => sync.undo(run_id),
    runItems: async ({ run_id }) => sync.runDetails(run_id),
    schedule: ({ calendar_id, from, to }) => sync.schedule(calendar_id, from, to),
    accounts: async () => accounts.list(),
    signIn: ({ provider }) => accounts.signIn(provider),
    removeAccount: ({ account_id }) => accounts.remove(account_id),
    accountCalendars: ({ account_id }) => accounts.calendars(account_id),
    configureSched: async (input) => {
      parts.preferences.locks.checkSchedUrl(input.base_url);
      return sched.configure(input);
    },
    schedResources: () => sched.resources(),
    getSettings: () => parts.preferences.view(),
    updateSettings: (patch: SettingsPatch = {}) => parts.preferences.update(patch),
    diagnostics: () => parts.diagnostics(),
    status: async (): Promise<AgentStatus> => ({
      mode: parts.mode(),
      version: parts.version,
      keychain: (await parts.keychainAvailable()) ? 'available' : 'unavailable',
      sched: { base_url: parts.schedBaseUrl(), configured: parts.schedBaseUrl() !== null },
      connections: settings.listConnections().length,
      syncing: sync.syncing(),
      first_run: parts.mode() === 'sandbox' && settings.getSched() === null && !settings.welcomeDone(),
    }),
  };
}
