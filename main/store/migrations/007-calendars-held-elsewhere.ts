import type { Migration } from './migration';

/**
 * Calendars another device took over (shared/SYNC.md, "One device per calendar"): this device stopped syncing them
 * and says which device holds each and since when, until the person disconnects or takes it back.
 */
export const calendarsHeldElsewhere: Migration = {
  name: 'calendars held elsewhere',
  up(db) {
    db.exec(`
      CREATE TABLE calendars_held_elsewhere (
        calendar_id TEXT PRIMARY KEY REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        holder_id TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        held_since TEXT,
        noticed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
