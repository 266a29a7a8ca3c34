/**
 * Keeps Sched's Connected Calendars showing the status the agent shows (SYNC.md, "Sched always shows the agent's
 * status"). It compares the connection's status with what Sched last accepted, per connection and kept in the state
 * DB, so a failed update is sent again next time and an unchanged status costs no request.
 */
import type { SyncStatus } from '../../preload/contract';
import { CalendarHeldElsewhereError } from '../providers/calendar-held-elsewhere';
import type { DeviceRef } from '../providers/calendar-held-elsewhere';
import type { StateDb } from '../store/state-db';
import { SchedToldRepo } from '../store/sched-told-repo';
import type { ServiceClients } from './ports';

/** Statuses Sched never shows: a run in progress is still `active` there, and a disconnected calendar is gone. */
const unshown: ReadonlySet<SyncStatus> = new Set<SyncStatus>(['syncing', 'disconnected']);

/** Tells Sched a connection's status when it differs from what Sched was last told. */
export class SchedStatusReporter {
  private readonly told: SchedToldRepo;

  constructor(
    private readonly db: StateDb,
    private readonly clients: () => ServiceClients,
    /** Where a failed update is noted; it is retried on the next report. */
    private readonly log: (line: Record<string, unknown>) => void = () => {},
    private readonly device: {
      /** This device, named in every update: Sched refuses updates from a device that no longer holds the calendar. */
      current: () => DeviceRef;
      /** Another device took the calendar over (Sched answered 409 `calendar_connected_elsewhere`). */
      lost: (error: CalendarHeldElsewhereError) => void;
    } | null = null,
    /** The status a person sees (a paused connection shows `paused` over what its last run left). */
    private readonly shown: (calendarId: string) => SyncStatus | undefined = (id) =>
      db.connections.get(id)?.status,
  ) {
    this.told = new SchedToldRepo(db.sqlite);
  }

  /** Sends the connection's current status to Sched if Sched was told something else; never throws. */
  async report(calendarId: string): Promise<void> {
    const status = this.shown(calendarId);
    if (!status || unshown.has(status)) return;
    // Sched shows `active` for a calendar it registered and was never told anything else.
    if ((this.told.get(calendarId) ?? 'active') === status) return;
    try {
      const device = this.device ? { device: this.device.current() } : {};
      await (await this.clients().sched()).updateCalendar(calendarId, { sync_status: status, ...device });
      this.told.set(calendarId, status);
    } catch (error) {
      // Another device took the calendar over: stop syncing it here and say why (SYNC.md, one device per calendar).
      if (error instanceof CalendarHeldElsewhereError) return this.device?.lost(error);
      this.log({
        msg: 'sched status update failed; retried on the next run',
        calendar_id: calendarId,
        sync_status: status,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** Records that what Sched shows is not known (the state DB was lost): the next report sends the status. */
  unknown(calendarId: string): void {
    this.told.forget(calendarId);
  }

  /**
   * At start: a connection the state DB knows nothing of (the file was lost or replaced) may show any status in
   * Sched, since what Sched was told went with the file; Sched is told the agent's status once (never throws).
   */
  async reportLost(calendarIds: readonly string[]): Promise<void> {
    for (const calendarId of calendarIds) {
      if (this.db.connections.get(calendarId)) continue;
      this.db.connections.ensure(calendarId);
      this.unknown(calendarId);
      await this.report(calendarId);
    }
  }

  /** Records that Sched registered the calendar just now (it shows `active`). */
  registered(calendarId: string): void {
    this.told.set(calendarId, 'active');
  }
}
