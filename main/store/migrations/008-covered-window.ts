import type { Migration } from './migration';

/**
 * The sync window a connection's saved cursors cover (SYNC.md, "The window moves with time"): the window of the run
 * that saved them. A later run whose window reaches beyond it reads the slice that entered once, with a time-bounded
 * read. One row per connection, gone with it. A connection synced by an older build has no row; the engine infers
 * its window from `last_sync` and the settings.
 */
export const coveredWindow: Migration = {
  name: 'covered window',
  up(db) {
    db.exec(`
      CREATE TABLE covered_windows (
        calendar_id TEXT PRIMARY KEY REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
