import type { Migration } from './migration';

/**
 * What Sched's Connected Calendars was last told of each connection's `sync_status` (SYNC.md, "Sched always shows
 * the agent's status"): a run or a sign-in compares against it, so a failed update is sent again on the next run and
 * an unchanged status costs no request. Seeded from the statuses already stored, which the agent sent on each change
 * before this table existed (`syncing` is never sent; Sched kept showing `active` meanwhile).
 */
export const schedToldStatus: Migration = {
  name: 'sched told status',
  up(db) {
    db.exec(`
      CREATE TABLE sched_told_status (
        calendar_id TEXT PRIMARY KEY REFERENCES connection_state(calendar_id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        told_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO sched_told_status (calendar_id, status, told_at)
        SELECT calendar_id, CASE status WHEN 'syncing' THEN 'active' ELSE status END, updated_at
        FROM connection_state;
    `);
  },
};
