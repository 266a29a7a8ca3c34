/**
 * The links of one connection as the planner sees them (`main/sync` `Link`: ids, versions, hashes and the fields
 * last synced). The store's `links` table keeps ids, versions and hashes; the fields and `updated` stamps the planner
 * also needs live beside it in `engine_link_snapshots` (store migration 002), one JSON row per link, removed with the
 * link by cascade.
 */
import type { StateDb } from '../store';
import type { Link, LinkKey } from '../sync';

interface SnapshotRow {
  booking_id: string;
  event_id: string;
  snapshot: string | null;
}

/** Reads and writes the planner's links of one connection. Writes belong inside the caller's transaction. */
export class LinkStore {
  constructor(
    private readonly db: StateDb,
    private readonly connectionId: string,
  ) {}

  /**
   * Every link of the connection, oldest first. A link row without a snapshot (written by something other than the
   * engine) is left out: the planner cannot judge it, and a full read relinks its items by their tags.
   */
  list(): Link[] {
    const rows = this.db.sqlite
      .prepare(
        `SELECT l.booking_id, l.event_id, s.snapshot FROM links l
         LEFT JOIN engine_link_snapshots s ON s.link_id = l.id
         WHERE l.connection_id = ? ORDER BY l.id`,
      )
      .all(this.connectionId) as SnapshotRow[];
    return rows.flatMap((row) => (row.snapshot === null ? [] : [JSON.parse(row.snapshot) as Link]));
  }

  /** The Sched items of the links made from the calendar's own events (origin `external`), oldest first. */
  madeFromEvents(): string[] {
    const rows = this.db.sqlite
      .prepare(
        `SELECT l.booking_id FROM links l JOIN engine_link_snapshots s ON s.link_id = l.id
         WHERE l.connection_id = ? AND json_extract(s.snapshot, '$.origin') = 'external' ORDER BY l.id`,
      )
      .all(this.connectionId) as { booking_id: string }[];
    return rows.map((row) => row.booking_id);
  }

  /** The link holding this booking, if any. */
  byBooking(bookingId: string): Link | null {
    const row = this.db.links.byBooking(this.connectionId, bookingId);
    return row ? this.snapshotOf(row.id) : null;
  }

  /** The link holding this event, if any. */
  byEvent(eventId: string): Link | null {
    const row = this.db.links.byEvent(this.connectionId, eventId);
    return row ? this.snapshotOf(row.id) : null;
  }

  /** The store's row id of the link holding this booking (conflicts refer to it). */
  rowId(bookingId: string): number | null {
    return this.db.links.byBooking(this.connectionId, bookingId)?.id ?? null;
  }

  /**
   * Stores `link`, replacing any link that holds the same booking or the same event. A booking linked to another event
   * than before starts confirmed: that event came from a read, not from a create of the agent's.
   */
  save(link: Link): void {
    const clash = this.db.links.byEvent(this.connectionId, link.external.id);
    if (clash && clash.bookingId !== link.sched.id) this.db.links.remove(clash.id);
    const previous = this.db.links.byBooking(this.connectionId, link.sched.id);
    const row = this.db.links.upsert({
      connectionId: this.connectionId,
      bookingId: link.sched.id,
      eventId: link.external.id,
      schedVersion: link.sched.version,
      externalEtag: link.external.version,
      schedHash: link.sched.hash,
      externalHash: link.external.hash,
    });
    this.db.sqlite
      .prepare(`INSERT OR REPLACE INTO engine_link_snapshots (link_id, snapshot) VALUES (?, ?)`)
      .run(row.id, JSON.stringify(link));
    if (previous && previous.eventId !== link.external.id) {
      this.db.links.setExternalUnconfirmed(this.connectionId, link.external.id, false);
    }
  }

  /**
   * Remembers that the agent created this link's event and the calendar's change feed has not listed it yet, so the
   * next incremental read checks it by id (Graph's delta forgets a deletion of an id its cursor never knew).
   */
  markUnconfirmed(eventId: string): void {
    this.db.links.setExternalUnconfirmed(this.connectionId, eventId, true);
  }

  /** Event ids the agent created that the change feed has not listed since. */
  unconfirmed(): string[] {
    return this.db.links.unconfirmedEventIds(this.connectionId);
  }

  /** The change feed (or a read by id) has seen these events: the saved cursor now knows them. */
  confirm(eventIds: readonly string[]): void {
    for (const id of eventIds) this.db.links.setExternalUnconfirmed(this.connectionId, id, false);
  }

  /** Forgets the link with this booking id or this event id. */
  drop(key: LinkKey): void {
    for (const row of [
      this.db.links.byBooking(this.connectionId, key.bookingId),
      this.db.links.byEvent(this.connectionId, key.eventId),
    ]) {
      if (row) this.db.links.remove(row.id);
    }
  }

  private snapshotOf(linkId: number): Link | null {
    const row = this.db.sqlite
      .prepare(`SELECT snapshot FROM engine_link_snapshots WHERE link_id = ?`)
      .get(linkId) as { snapshot: string } | undefined;
    return row ? (JSON.parse(row.snapshot) as Link) : null;
  }
}
