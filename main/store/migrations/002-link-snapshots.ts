import type { Migration } from './migration';

/**
 * The fields and `updated` stamps the planner needs for each link, as one JSON snapshot per link (main/engine's
 * LinkStore reads and writes it), removed with its link by cascade. Builds before this step created the table
 * from the engine itself, so a file at schema 1 may hold it already with its rows: `IF NOT EXISTS` keeps them.
 */
export const linkSnapshots: Migration = {
  name: 'link snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS engine_link_snapshots (
        link_id INTEGER PRIMARY KEY REFERENCES links(id) ON DELETE CASCADE,
        snapshot TEXT NOT NULL
      ) STRICT;
    `);
  },
};
