/** What the Connected Calendars operations need from the agent (connections-service.ts and take-back.ts). */
import type { StoredConnection } from '../store/settings-schema';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import type { EventBus } from './event-bus';
import type { ServiceClients } from './ports';

/** The settings, state DB, service clients and bus the connection operations work with. */
export interface ConnectionsDeps {
  settings: SettingsStore;
  db: StateDb;
  clients: () => ServiceClients;
  bus: EventBus;
  /** Called after the set of connections or their settings changed (the scheduler re-reads them). */
  changed: () => void;
  /** Sched registered the calendar again (it shows `active`): tells it the status a person sees, if that differs. */
  registered?: (calendarId: string) => Promise<void>;
  /** Before a remap from `from`: what a crashed run left unfinished is finished there first (remap-memory.ts). */
  finishBeforeRemap?: (stored: StoredConnection, from: string) => Promise<void>;
}
