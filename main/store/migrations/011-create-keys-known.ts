import type { Migration } from './migration';

/**
 * Whether the state DB has known a connection since it was first connected, and so holds in its outbox every
 * idempotency key the calendar's creates ever used: a remap run then keys a create for the remap only when its first
 * key was used before (docs/sync-rules.md, "Remap"). 0 for pairings recorded before this step, or adopted by a run
 * after a lost state DB: their history is unknown, and every create of their remap runs gets a remap key.
 */
export const createKeysKnown: Migration = {
  name: 'create keys known',
  up(db) {
    db.exec(`ALTER TABLE connection_remaps ADD COLUMN keys_known INTEGER NOT NULL DEFAULT 0;`);
  },
};
