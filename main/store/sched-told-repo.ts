import type { Database } from 'better-sqlite3';
import type { SyncStatus } from '../../preload/contract';
import { isoNow, type Clock } from './store-clock';

/** Per connection, the `sync_status` Sched last accepted from this agent (table `sched_told_status`). */
export class SchedToldRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /**
   * The status Sched last accepted, null when it was never told (it shows `active` after registration), or `unknown`
   * when the agent cannot know (its state DB was lost), so the next report sends whatever the agent shows.
   */
  get(calendarId: string): SyncStatus | 'unknown' | null {
    const row = this.db
      .prepare(`SELECT status FROM sched_told_status WHERE calendar_id = ?`)
      .get(calendarId) as { status: string } | undefined;
    return row ? (row.status as SyncStatus | 'unknown') : null;
  }

  /** Records that what Sched shows is not known; the connection's state row must exist. */
  forget(calendarId: string): void {
    this.set(calendarId, 'unknown');
  }

  /** Records that Sched accepted `status`; the connection's state row must exist. */
  set(calendarId: string, status: SyncStatus | 'unknown'): void {
    this.db
      .prepare(
        `INSERT INTO sched_told_status (calendar_id, status, told_at) VALUES (?, ?, ?)
         ON CONFLICT (calendar_id) DO UPDATE SET status = excluded.status, told_at = excluded.told_at`,
      )
      .run(calendarId, status, isoNow(this.clock));
  }
}
