import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './store-clock';

/** A calendar another device took over: who holds it and since when (null when Sched did not say). */
export interface HeldElsewhere {
  calendarId: string;
  holderId: string;
  holderName: string;
  heldSince: string | null;
}

interface Row {
  calendar_id: string;
  holder_id: string;
  holder_name: string;
  held_since: string | null;
}

/** Calendars this device no longer syncs because another device took them over. */
export class HeldElsewhereRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  get(calendarId: string): HeldElsewhere | null {
    const row = this.db
      .prepare(
        `SELECT calendar_id, holder_id, holder_name, held_since FROM calendars_held_elsewhere WHERE calendar_id = ?`,
      )
      .get(calendarId) as Row | undefined;
    return row
      ? {
          calendarId: row.calendar_id,
          holderId: row.holder_id,
          holderName: row.holder_name,
          heldSince: row.held_since,
        }
      : null;
  }

  /** Remembers that `holder` took the calendar over (the connection's state row must exist). */
  mark(entry: HeldElsewhere): void {
    this.db
      .prepare(
        `INSERT INTO calendars_held_elsewhere (calendar_id, holder_id, holder_name, held_since, noticed_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (calendar_id) DO UPDATE SET holder_id = excluded.holder_id, holder_name = excluded.holder_name,
           held_since = excluded.held_since, noticed_at = excluded.noticed_at`,
      )
      .run(entry.calendarId, entry.holderId, entry.holderName, entry.heldSince, isoNow(this.clock));
  }

  /** This device holds the calendar again (connected or taken back), or no longer has it. */
  clear(calendarId: string): void {
    this.db.prepare(`DELETE FROM calendars_held_elsewhere WHERE calendar_id = ?`).run(calendarId);
  }
}
