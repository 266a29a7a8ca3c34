import type { Migration } from './migration';

/**
 * The last remap each connection finished (shared/SYNC.md, "Changing a connection"): the run that finished it and
 * the resource it left. Runs up to that one belong to the old pairing or to the remap itself and are not undone in
 * the new pairing (docs/sync-rules.md, "Remap"). NULL for a connection never remapped.
 */
export const remapUndoBoundary: Migration = {
  name: 'remap undo boundary',
  up(db) {
    db.exec(`
      ALTER TABLE connection_remaps ADD COLUMN remap_run_id TEXT;
      ALTER TABLE connection_remaps ADD COLUMN remapped_from TEXT;
    `);
  },
};
