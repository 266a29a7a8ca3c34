import type { Database } from 'better-sqlite3';
import type { SyncStatus } from '../../preload/contract';
import { isoNow, type Clock } from './store-clock';

/** What the engine remembers per connection between runs. No tokens of any account: those are in the keychain. */
export interface ConnectionState {
  calendarId: string;
  /** Sched's `next_sync_token`, or null before the first full read or after a 410. */
  schedSyncToken: string | null;
  /** Google's `nextSyncToken` or Graph's `@odata.deltaLink`, or null likewise. */
  externalSyncToken: string | null;
  lastSync: string | null;
  status: SyncStatus;
  statusMessage: string | null;
  updatedAt: string;
}

/** The fields a run may change; absent fields stay as they are, `null` clears. */
export type ConnectionStatePatch = Partial<
  Pick<ConnectionState, 'schedSyncToken' | 'externalSyncToken' | 'lastSync' | 'status' | 'statusMessage'>
>;

interface Row {
  calendar_id: string;
  sched_sync_token: string | null;
  external_sync_token: string | null;
  last_sync: string | null;
  status: string;
  status_message: string | null;
  updated_at: string;
}

const columns: Record<keyof ConnectionStatePatch, string> = {
  schedSyncToken: 'sched_sync_token',
  externalSyncToken: 'external_sync_token',
  lastSync: 'last_sync',
  status: 'status',
  statusMessage: 'status_message',
};

const fromRow = (row: Row): ConnectionState => ({
  calendarId: row.calendar_id,
  schedSyncToken: row.sched_sync_token,
  externalSyncToken: row.external_sync_token,
  lastSync: row.last_sync,
  status: row.status as SyncStatus,
  statusMessage: row.status_message,
  updatedAt: row.updated_at,
});

/** Per-connection sync tokens, last sync and status, keyed by `calendar_id`. */
export class ConnectionStateRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Returns the connection's state, creating an `active` row with no tokens when there is none. */
  ensure(calendarId: string): ConnectionState {
    this.db
      .prepare(
        `INSERT INTO connection_state (calendar_id, updated_at) VALUES (?, ?) ON CONFLICT (calendar_id) DO NOTHING`,
      )
      .run(calendarId, isoNow(this.clock));
    return this.get(calendarId) as ConnectionState;
  }

  get(calendarId: string): ConnectionState | null {
    const row = this.db.prepare(`SELECT * FROM connection_state WHERE calendar_id = ?`).get(calendarId) as
      Row | undefined;
    return row ? fromRow(row) : null;
  }

  list(): ConnectionState[] {
    const rows = this.db.prepare(`SELECT * FROM connection_state ORDER BY calendar_id`).all() as Row[];
    return rows.map(fromRow);
  }

  /** Changes the given fields of an existing connection; throws when the connection is unknown. */
  update(calendarId: string, patch: ConnectionStatePatch): ConnectionState {
    const keys = (Object.keys(patch) as (keyof ConnectionStatePatch)[]).filter((k) => patch[k] !== undefined);
    const sets = keys.map((k) => `${columns[k]} = @${k}`);
    const values: Record<string, unknown> = { calendarId, updatedAt: isoNow(this.clock) };
    for (const k of keys) values[k] = patch[k];
    const result = this.db
      .prepare(
        `UPDATE connection_state SET ${[...sets, 'updated_at = @updatedAt'].join(', ')} WHERE calendar_id = @calendarId`,
      )
      .run(values);
    if (result.changes === 0) throw new Error(`No sync state for calendar ${calendarId}.`);
    return this.get(calendarId) as ConnectionState;
  }

  /** Forgets both sync tokens, so the next run does a full read and relinks by tags (SYNC.md, "Identity"). */
  resetTokens(calendarId: string): ConnectionState {
    return this.update(calendarId, { schedSyncToken: null, externalSyncToken: null });
  }

  /** Forgets the connection and, by cascade, its links, outbox, runs, journal and conflicts. */
  remove(calendarId: string): boolean {
    return this.db.prepare(`DELETE FROM connection_state WHERE calendar_id = ?`).run(calendarId).changes > 0;
  }
}
