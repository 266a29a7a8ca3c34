import type { Migration } from './migration';

/**
 * The first schema: connection sync state, links, outbox, runs with their journal, conflicts and skipped overlaps.
 * Timestamps are RFC 3339 strings in UTC; versions and etags are opaque strings; JSON columns hold plain objects.
 * No column holds a secret: tokens live in the keychain (ARCHITECTURE.md, "Keychain").
 */
export const initialSchema: Migration = {
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE connection_state (
        calendar_id TEXT PRIMARY KEY,
        sched_sync_token TEXT,
        external_sync_token TEXT,
        last_sync TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        status_message TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        booking_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        sched_version TEXT,
        external_etag TEXT,
        sched_hash TEXT,
        external_hash TEXT,
        series_id TEXT,
        original_start TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (connection_id, booking_id),
        UNIQUE (connection_id, event_id)
      ) STRICT;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        run_id TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        side TEXT NOT NULL CHECK (side IN ('sched', 'external')),
        operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
        booking_id TEXT,
        event_id TEXT,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT CHECK (outcome IN ('done', 'abandoned')),
        note TEXT
      ) STRICT;
      CREATE INDEX outbox_unfinished ON outbox (connection_id) WHERE finished_at IS NULL;

      CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        kind TEXT NOT NULL DEFAULT 'sync' CHECK (kind IN ('sync', 'undo')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',
        error_message TEXT,
        created_sched INTEGER NOT NULL DEFAULT 0,
        updated_sched INTEGER NOT NULL DEFAULT 0,
        deleted_sched INTEGER NOT NULL DEFAULT 0,
        created_external INTEGER NOT NULL DEFAULT 0,
        updated_external INTEGER NOT NULL DEFAULT 0,
        deleted_external INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        undone_by TEXT
      ) STRICT;
      CREATE INDEX runs_by_connection ON runs (connection_id, started_at);

      CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        side TEXT NOT NULL CHECK (side IN ('sched', 'external')),
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        booking_id TEXT,
        event_id TEXT,
        before_image TEXT,
        after_image TEXT,
        applied_at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX journal_by_run ON journal (run_id, id);

      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        link_id INTEGER REFERENCES links(id) ON DELETE SET NULL,
        booking_id TEXT,
        event_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'overlap')),
        sched_version TEXT,
        external_version TEXT,
        run_id TEXT,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT
      ) STRICT;
      -- One open conflict per item: a run that meets the same conflict again refreshes it instead of adding one.
      CREATE UNIQUE INDEX conflicts_open_item
        ON conflicts (connection_id, kind, ifnull(booking_id, ''), ifnull(event_id, ''))
        WHERE resolved_at IS NULL;

      CREATE TABLE skipped_overlaps (
        connection_id TEXT NOT NULL REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        skipped_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, event_id)
      ) STRICT;
    `);
  },
};
