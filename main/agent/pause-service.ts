/**
 * Pause and resume (shared/SYNC.md, "Pause / resume"; API.md §2 `update {paused}` and `pauseAll`). A paused connection
 * keeps its cursors, links and conflicts, shows `paused` here and in Sched's Connected Calendars, and is left alone by
 * the schedule, the triggers and "sync all"; resumed, it syncs from where it was. Pausing changes no sync state, so
 * it never fails on Sched: Sched's copy of the status is informational and follows on the next change if it is down.
 */
import type { Connection, ListResult } from '../../preload/contract';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import { AgentError } from './agent-error';
import { withPaused } from './connection-hold';
import { connectionView } from './connection-view';
import type { EventBus } from './event-bus';
import type { ServiceClients } from './ports';

export interface PauseDeps {
  settings: SettingsStore;
  db: StateDb;
  clients: () => ServiceClients;
  bus: EventBus;
  /** Called after connections were paused or resumed (the scheduler re-reads them). */
  changed: () => void;
  /** Tells Sched's Connected Calendars the status a person now sees (the sync service's status reporter). */
  report: (calendarId: string) => Promise<void>;
}

/** Pauses and resumes connections. */
export class PauseService {
  constructor(private readonly deps: PauseDeps) {}

  /** Pauses or resumes one connection; an unknown calendar is a 404 that changes nothing. */
  async set(calendarId: string, paused: boolean): Promise<Connection> {
    const stored = this.deps.settings.getConnection(calendarId);
    if (!stored) {
      throw new AgentError('not_found', `calendar_id: no connected calendar has the id "${calendarId}".`);
    }
    const view = await this.apply(stored, paused);
    this.deps.changed();
    return view;
  }

  /** Pauses or resumes every connection; answers with all of them. */
  async setAll(paused: boolean): Promise<ListResult> {
    const calendars: Connection[] = [];
    for (const stored of this.deps.settings.listConnections())
      calendars.push(await this.apply(stored, paused));
    this.deps.changed();
    return { calendars };
  }

  private async apply(stored: Parameters<typeof withPaused>[0], paused: boolean): Promise<Connection> {
    const next = withPaused(stored, paused);
    const state = this.deps.db.connections.get(stored.calendar_id);
    if ((stored.paused === true) === paused) return connectionView(next, state);
    this.deps.settings.saveConnection(next);
    const view = connectionView(next, state);
    this.deps.bus.publish({ type: 'status', data: view });
    // Through the status reporter, which names this device and remembers what Sched was told.
    await this.deps.report(stored.calendar_id);
    return view;
  }
}
