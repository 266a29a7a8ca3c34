/**
 * One device per calendar (shared/SYNC.md, "Changing a connection"): this install's device as Sched's Connected
 * Calendars knows it, the words a person reads when another device holds a calendar, and the watch that notices a
 * takeover without waiting for a status change (Sched's registry, one request for all connections, at start and at
 * most every 15 minutes). A calendar another device took over is not synced here: its status says which device
 * has it, and the schedule leaves it, until it is taken back (connect with `takeover`) or disconnected.
 */
import { hostname } from 'node:os';
import {
  CalendarHeldElsewhereError,
  heldSince,
  holderName,
  type DeviceRef,
} from '../providers/calendar-held-elsewhere';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import type { HeldElsewhere } from '../store/held-elsewhere-repo';
import { AgentError } from './agent-error';
import type { ServiceClients } from './ports';

/** How often the registry is read for takeovers, at most. */
export const holdCheckEveryMs = 15 * 60 * 1000;

/** This install as a device: its stable random id (settings) and the host's name. */
export function thisDevice(settings: SettingsStore): DeviceRef {
  return { id: settings.deviceId(), name: hostname() };
}

/** "Meeting Room A's calendar is synced by LAPTOP-7 since 1 Dec 2026, 09:12." */
export function heldElsewhereSentence(
  resourceName: string,
  holder: DeviceRef,
  since: string | null,
  zone: string,
): string {
  const when = since ? ` since ${heldSince(since, zone)}` : '';
  return `${resourceName}'s calendar is synced by ${holderName(holder)}${when}.`;
}

/** The status message of a calendar this device lost to another. */
export function lostMessage(entry: HeldElsewhere, zone = 'UTC'): string {
  const sentence = heldElsewhereSentence(
    entry.calendarId,
    { id: entry.holderId, name: entry.holderName },
    entry.heldSince,
    zone,
  );
  return `${sentence} This device stopped syncing it; connect it again with takeover to sync it here.`;
}

/** What the watch needs. */
export interface DeviceHoldDeps {
  settings: SettingsStore;
  db: StateDb;
  clients: () => ServiceClients;
  /** Called after a calendar was found taken over (the scheduler re-reads which connections may run). */
  lost: (calendarId: string) => void;
  /**
   * The agent's clock (the sandbox's may move forward), for "at most every 15 minutes"; read again before a check a
   * person's call waits for. The system clock unless given.
   */
  clock?: { refresh(): Promise<unknown>; now(): Date };
}

/** Notices calendars another device took over, and remembers them. */
export class DeviceHolds {
  private lastCheckMs: number | null = null;
  /** The registry read in flight: runs starting together all wait for it (none may start before it is read). */
  private reading: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: DeviceHoldDeps) {}

  /** The reason a calendar does not sync here, or null when this device holds it. */
  reason(calendarId: string): string | null {
    const entry = this.deps.db.heldElsewhere.get(calendarId);
    return entry ? lostMessage(entry) : null;
  }

  /**
   * Refuses (409, nothing written) a run, an undo, a conflict's answer or a review while another device holds the
   * calendar, naming it and how to take it back; the registry is read first when it is due (it may have moved on).
   * `what` names a person's call in the message.
   */
  async requireHere(calendarId: string, what?: string): Promise<void> {
    await this.deps.clock?.refresh();
    await this.check();
    const lost = this.reason(calendarId);
    if (lost) throw new AgentError('conflict', what ? `${what} was refused: ${lost}` : lost);
  }

  /** Records a takeover Sched reported (a 409 on a status update or in the registry). */
  noteLost(error: CalendarHeldElsewhereError): void {
    const { db } = this.deps;
    const entry: HeldElsewhere = {
      calendarId: error.calendarId,
      holderId: error.holder.id,
      holderName: error.holder.name,
      heldSince: error.since,
    };
    db.transaction(() => {
      db.connections.ensure(error.calendarId);
      db.heldElsewhere.mark(entry);
      db.connections.update(error.calendarId, { status: 'error', statusMessage: lostMessage(entry) });
    });
    this.deps.lost(error.calendarId);
  }

  /**
   * Reads Sched's registry (one `GET /calendars`) unless it was read less than 15 minutes ago, and notes every
   * connection of this device that another device now holds. Failures are left for the next check.
   */
  async check(force = false): Promise<void> {
    if (this.reading) return this.reading;
    const now = this.deps.clock?.now().getTime() ?? Date.now();
    if (!force && this.lastCheckMs !== null && now - this.lastCheckMs < holdCheckEveryMs) return;
    const mine = this.deps.settings
      .listConnections()
      .filter((c) => !this.deps.db.heldElsewhere.get(c.calendar_id));
    if (mine.length === 0) return;
    this.lastCheckMs = now;
    this.reading = this.read(mine.map((c) => c.calendar_id));
    try {
      await this.reading;
    } finally {
      this.reading = null;
    }
  }

  private async read(mine: string[]): Promise<void> {
    const me = this.deps.settings.deviceId();
    let holders;
    try {
      holders = await (await this.deps.clients().sched()).listHolders();
    } catch {
      return;
    }
    for (const holder of holders) {
      if (!holder.device || holder.device.id === me) continue;
      if (!mine.includes(holder.calendar_id)) continue;
      this.noteLost(new CalendarHeldElsewhereError(holder.calendar_id, holder.device, holder.connected_at));
    }
  }

  /** Checks now and then every 15 minutes until `stop`. */
  watch(): Promise<void> {
    this.timer ??= setInterval(() => void this.check(), holdCheckEveryMs);
    this.timer.unref?.();
    return this.check(true);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
