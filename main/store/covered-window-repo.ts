import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './store-clock';

/** A half-open range of instants, RFC 3339 UTC (main/sync `SyncWindow`). */
export interface CoveredWindow {
  start: string;
  end: string;
}

interface Row {
  window_start: string;
  window_end: string;
}

/** Per connection, the sync window its saved cursors cover (store migration 005). */
export class CoveredWindowRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** The window the connection's cursors were saved with; null when no run of this build saved any. */
  get(calendarId: string): CoveredWindow | null {
    const row = this.db
      .prepare(`SELECT window_start, window_end FROM covered_windows WHERE calendar_id = ?`)
      .get(calendarId) as Row | undefined;
    return row ? { start: row.window_start, end: row.window_end } : null;
  }

  /** Remembers the window of the cursors just saved; belongs in the transaction that saves them. */
  save(calendarId: string, window: CoveredWindow): void {
    this.db
      .prepare(
        `INSERT INTO covered_windows (calendar_id, window_start, window_end, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (calendar_id) DO UPDATE SET window_start = excluded.window_start,
           window_end = excluded.window_end, updated_at = excluded.updated_at`,
      )
      .run(calendarId, window.start, window.end, isoNow(this.clock));
  }

  /**
   * Keeps the cursors but counts none of the window as read: the next run reads the whole window once by time, as a
   * slice that entered it (an empty range covers nothing; main/sync `enteredSlices`). For a direction change that
   * copies a side the old direction left alone: the incremental cursors will never list those items again.
   */
  coverNothing(calendarId: string): void {
    const never = new Date(0).toISOString();
    this.save(calendarId, { start: never, end: never });
  }

  /** Forgets the window (with the cursors: the next run reads the whole window anyway). */
  clear(calendarId: string): void {
    this.db.prepare(`DELETE FROM covered_windows WHERE calendar_id = ?`).run(calendarId);
  }
}
