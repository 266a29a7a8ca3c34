import type { Database } from 'better-sqlite3';

/** One schema step. Its position in the list (1-based) is the `user_version` it leaves the database at. */
export interface Migration {
  /** Says what the step does, for error messages. */
  name: string;
  up(db: Database): void;
}
