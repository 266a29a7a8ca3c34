import type { Migration } from './migration';

/**
 * Which Sched resource each connection's stored state mirrors, and a remap waiting for its run (shared/SYNC.md,
 * "Changing a connection"): `resource_id` is the resource the calendar mirrors (or is about to), `pending_from` the
 * resource it mirrored before a remap the next run has not finished yet (NULL: no remap pending).
 */
export const connectionRemaps: Migration = {
  name: 'connection remaps',
  up(db) {
    db.exec(`
      CREATE TABLE connection_remaps (
        calendar_id TEXT PRIMARY KEY REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        resource_id TEXT NOT NULL,
        pending_from TEXT,
        requested_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
