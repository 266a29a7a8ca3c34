import type { Database } from 'better-sqlite3';
import type { Side, WriteOperation } from './outbox-repo';
import { isoNow, parseJson, toJson, type Clock } from './store-clock';

/**
 * One applied action of a run with the item as it was before (null for a create) and after (null for a delete),
 * so the run can be undone: deleted items restored, updates reverted, created items removed (SYNC.md, "Journal").
 */
export interface JournalEntry {
  id: number;
  runId: string;
  side: Side;
  action: WriteOperation;
  bookingId: string | null;
  eventId: string | null;
  before: unknown;
  after: unknown;
  appliedAt: string;
  undoneAt: string | null;
}

export type JournalInput = Pick<JournalEntry, 'runId' | 'side' | 'action'> &
  Partial<Pick<JournalEntry, 'bookingId' | 'eventId' | 'before' | 'after'>>;

interface Row {
  id: number;
  run_id: string;
  side: Side;
  action: WriteOperation;
  booking_id: string | null;
  event_id: string | null;
  before_image: string | null;
  after_image: string | null;
  applied_at: string;
  undone_at: string | null;
}

const fromRow = (r: Row): JournalEntry => ({
  id: r.id,
  runId: r.run_id,
  side: r.side,
  action: r.action,
  bookingId: r.booking_id,
  eventId: r.event_id,
  before: parseJson(r.before_image),
  after: parseJson(r.after_image),
  appliedAt: r.applied_at,
  undoneAt: r.undone_at,
});

/** The journal of applied actions per run, with before-images. */
export class JournalRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Appends an applied action; call it in the transaction that commits the action's state. */
  append(input: JournalInput): JournalEntry {
    const row = this.db
      .prepare(
        `INSERT INTO journal (run_id, side, action, booking_id, event_id, before_image, after_image, applied_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        input.runId,
        input.side,
        input.action,
        input.bookingId ?? null,
        input.eventId ?? null,
        toJson(input.before),
        toJson(input.after),
        isoNow(this.clock),
      ) as Row;
    return fromRow(row);
  }

  /** A run's actions in the order they were applied. Undo walks them backwards. */
  forRun(runId: string): JournalEntry[] {
    const rows = this.db.prepare(`SELECT * FROM journal WHERE run_id = ? ORDER BY id`).all(runId) as Row[];
    return rows.map(fromRow);
  }

  /**
   * The writes of one connection's runs to any of these bookings or events, newest first, with when each run
   * started (an item's history). At most `limit` rows.
   */
  forItems(
    connectionId: string,
    ids: { bookingIds: readonly string[]; eventIds: readonly string[] },
    limit = 2000,
  ): (JournalEntry & { runStartedAt: string })[] {
    if (ids.bookingIds.length + ids.eventIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT j.*, r.started_at AS run_started_at FROM journal j JOIN runs r ON r.run_id = j.run_id
         WHERE r.connection_id = ?
           AND (j.booking_id IN (SELECT value FROM json_each(?)) OR j.event_id IN (SELECT value FROM json_each(?)))
         ORDER BY j.id DESC LIMIT ?`,
      )
      .all(connectionId, JSON.stringify(ids.bookingIds), JSON.stringify(ids.eventIds), limit) as (Row & {
      run_started_at: string;
    })[];
    return rows.map((r) => ({ ...fromRow(r), runStartedAt: r.run_started_at }));
  }

  /** Marks one action reverted, so an undo interrupted halfway resumes where it stopped. */
  markUndone(id: number): boolean {
    return (
      this.db
        .prepare(`UPDATE journal SET undone_at = ? WHERE id = ? AND undone_at IS NULL`)
        .run(isoNow(this.clock), id).changes > 0
    );
  }
}
