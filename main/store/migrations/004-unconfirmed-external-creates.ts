import type { Migration } from './migration';

/**
 * Links whose external event the agent created and the calendar's change feed has not listed since
 * (`external_unconfirmed = 1`). Graph's `calendarView/delta` reports `@removed` only for ids its cursor already knew,
 * so an event created after the saved cursor and deleted before the next read leaves no trace in the feed; the engine
 * asks for such events by id on the next incremental read instead. Existing links start confirmed: they were written
 * by builds that could not tell, and treating them all as unconfirmed would cost one request each on the next run.
 */
export const unconfirmedExternalCreates: Migration = {
  name: 'unconfirmed external creates',
  up(db) {
    db.exec(`
      ALTER TABLE links ADD COLUMN external_unconfirmed INTEGER NOT NULL DEFAULT 0
        CHECK (external_unconfirmed IN (0, 1));
      CREATE INDEX links_external_unconfirmed ON links (connection_id) WHERE external_unconfirmed = 1;
    `);
  },
};
