import type { Migration } from './migration';

/**
 * Whether the state DB has known a connection since it was first connected, and so knows all it made. 0 for pairings
 * recorded before this step, or adopted by a run after a lost state DB: their history is unknown, so their first run
 * without links reads Sched's copies of every date (engine copies-beyond-window.ts). Remap runs once keyed their
 * creates by it; they keep their first keys now (docs/sync-rules.md, "Copies a remap makes are found again").
 */
export const createKeysKnown: Migration = {
  name: 'create keys known',
  up(db) {
    db.exec(`ALTER TABLE connection_remaps ADD COLUMN keys_known INTEGER NOT NULL DEFAULT 0;`);
  },
};
