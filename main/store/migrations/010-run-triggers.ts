import type { Migration } from './migration';

/**
 * What started each run (the schedule, Sync now, start-up, a conflict answer, a review), so Activity can say it in
 * words. Runs recorded before this step have none, and read as a plain sync.
 */
export const runTriggers: Migration = {
  name: 'run triggers',
  up(db) {
    db.exec(`ALTER TABLE runs ADD COLUMN trigger TEXT;`);
  },
};
