import type { Database } from 'better-sqlite3';
import { AppError } from '../errors/app-error';
import type { Migration } from './migrations';

/** Thrown when the database file was written by a newer schema than this build knows. */
export class StateDbTooNewError extends AppError {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      'internal',
      `The state database ${path} was written by a newer Sched Sync (schema ${found}; this version knows ${known}). ` +
        'Update Sched Sync, or move the file away to let it rebuild the state from both calendars.',
    );
  }
}

/**
 * Applies the steps the database has not seen yet, each in its own transaction together with its
 * `user_version` bump, so a crash leaves the file at the last complete step. Returns the resulting version.
 */
export function applyMigrations(db: Database, steps: readonly Migration[], path: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > steps.length) throw new StateDbTooNewError(path, current, steps.length);
  steps.forEach((step, index) => {
    const version = index + 1;
    if (version <= current) return;
    const apply = db.transaction(() => {
      step.up(db);
      // PRAGMA takes no bound parameters; version is an integer we computed.
      db.pragma(`user_version = ${version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new Error(`Could not upgrade the state database ${path} to schema ${version} (${step.name}).`, {
        cause: error,
      });
    }
  });
  return db.pragma('user_version', { simple: true }) as number;
}
