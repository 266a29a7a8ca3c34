import type { Migration } from './migration';

/**
 * Items whose copy an undo removed (shared/SYNC.md, "Journal and undo"): `side` is where the original lives
 * (`sched` for a booking whose exported event was removed, `external` for an event whose imported booking was),
 * `content_hash` its synced fields at the undo and `copy_id` the copy removed. Later runs leave the item alone while
 * that hash still matches; a copy made after it changed is created under a key that names `copy_id`, so it is never
 * taken for the removed one (Google keeps deleted event ids, Sched keeps idempotency keys).
 */
export const undoneCopies: Migration = {
  name: 'undone copies',
  up(db) {
    db.exec(`
      CREATE TABLE undone_copies (
        connection_id TEXT NOT NULL REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        side TEXT NOT NULL CHECK (side IN ('sched', 'external')),
        item_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        copy_id TEXT NOT NULL,
        run_id TEXT,
        undone_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, side, item_id)
      ) STRICT;
    `);
  },
};
