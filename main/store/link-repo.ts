import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './store-clock';

/** One Sched booking ↔ one external event of a connection, with what each side looked like at the last sync. */
export interface Link {
  id: number;
  connectionId: string;
  bookingId: string;
  eventId: string;
  /** Sched's booking `version` when last synced. */
  schedVersion: string | null;
  /** Google's or Graph's etag when last synced. */
  externalEtag: string | null;
  /** Content hash of the synced fields as Sched last had them. */
  schedHash: string | null;
  /** Content hash of the synced fields as the calendar last had them. */
  externalHash: string | null;
  /** The recurring series an instance belongs to (Google `recurringEventId`, Graph `seriesMasterId`). */
  seriesId: string | null;
  /** The instance's original start, which identifies it inside its series even after it moved. */
  originalStart: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the engine writes: the ids and both sides' versions; ids and timestamps are the store's. */
export type LinkInput = Omit<Link, 'id' | 'createdAt' | 'updatedAt' | 'seriesId' | 'originalStart'> &
  Partial<Pick<Link, 'seriesId' | 'originalStart'>>;

interface Row {
  id: number;
  connection_id: string;
  booking_id: string;
  event_id: string;
  sched_version: string | null;
  external_etag: string | null;
  sched_hash: string | null;
  external_hash: string | null;
  series_id: string | null;
  original_start: string | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): Link => ({
  id: r.id,
  connectionId: r.connection_id,
  bookingId: r.booking_id,
  eventId: r.event_id,
  schedVersion: r.sched_version,
  externalEtag: r.external_etag,
  schedHash: r.sched_hash,
  externalHash: r.external_hash,
  seriesId: r.series_id,
  originalStart: r.original_start,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Links of every connection. A booking and an event each belong to at most one link per connection. */
export class LinkRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a link, or refreshes the one with the same booking id (a relink by tags or a new version).
   * Throws a SQLite constraint error when the event is already linked to another booking, which would be a duplicate.
   */
  upsert(input: LinkInput): Link {
    const now = isoNow(this.clock);
    const row = this.db
      .prepare(
        `INSERT INTO links (connection_id, booking_id, event_id, sched_version, external_etag, sched_hash,
                            external_hash, series_id, original_start, created_at, updated_at)
         VALUES (@connectionId, @bookingId, @eventId, @schedVersion, @externalEtag, @schedHash,
                 @externalHash, @seriesId, @originalStart, @now, @now)
         ON CONFLICT (connection_id, booking_id) DO UPDATE SET
           event_id = excluded.event_id, sched_version = excluded.sched_version,
           external_etag = excluded.external_etag, sched_hash = excluded.sched_hash,
           external_hash = excluded.external_hash, series_id = excluded.series_id,
           original_start = excluded.original_start, updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get({ seriesId: null, originalStart: null, ...input, now }) as Row;
    return fromRow(row);
  }

  get(id: number): Link | null {
    const row = this.db.prepare(`SELECT * FROM links WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  byBooking(connectionId: string, bookingId: string): Link | null {
    const row = this.db
      .prepare(`SELECT * FROM links WHERE connection_id = ? AND booking_id = ?`)
      .get(connectionId, bookingId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  byEvent(connectionId: string, eventId: string): Link | null {
    const row = this.db
      .prepare(`SELECT * FROM links WHERE connection_id = ? AND event_id = ?`)
      .get(connectionId, eventId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** All links of a connection, oldest first: the `state` the planner starts from. */
  list(connectionId: string): Link[] {
    const rows = this.db
      .prepare(`SELECT * FROM links WHERE connection_id = ? ORDER BY id`)
      .all(connectionId) as Row[];
    return rows.map(fromRow);
  }

  /** The instances of one recurring series that have links. */
  listSeries(connectionId: string, seriesId: string): Link[] {
    const rows = this.db
      .prepare(`SELECT * FROM links WHERE connection_id = ? AND series_id = ? ORDER BY original_start, id`)
      .all(connectionId, seriesId) as Row[];
    return rows.map(fromRow);
  }

  count(connectionId: string): number {
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM links WHERE connection_id = ?`)
      .get(connectionId) as {
      n: number;
    };
    return row.n;
  }

  /**
   * Sets whether the linked event of `eventId` still waits to be seen in the calendar's change feed (migration 004).
   * Returns whether a link holds that event.
   */
  setExternalUnconfirmed(connectionId: string, eventId: string, unconfirmed: boolean): boolean {
    return (
      this.db
        .prepare(`UPDATE links SET external_unconfirmed = ? WHERE connection_id = ? AND event_id = ?`)
        .run(unconfirmed ? 1 : 0, connectionId, eventId).changes > 0
    );
  }

  /** Event ids of the connection's links whose event the change feed has not listed since the agent created it. */
  unconfirmedEventIds(connectionId: string): string[] {
    const rows = this.db
      .prepare(`SELECT event_id FROM links WHERE connection_id = ? AND external_unconfirmed = 1 ORDER BY id`)
      .all(connectionId) as { event_id: string }[];
    return rows.map((row) => row.event_id);
  }

  remove(id: number): boolean {
    return this.db.prepare(`DELETE FROM links WHERE id = ?`).run(id).changes > 0;
  }

  /** Forgets every link of a connection (a lost-state resync rebuilds them from the tags). */
  removeAll(connectionId: string): number {
    return this.db.prepare(`DELETE FROM links WHERE connection_id = ?`).run(connectionId).changes;
  }
}
