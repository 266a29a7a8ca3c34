import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateDb, type StateDb, type StateDbOptions } from '../../../main/store/state-db';

/** A state DB in a fresh temp dir with a clock the test moves by hand; `cleanup` closes and deletes it. */
export function tempStateDb(options: StateDbOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sched-sync-state-'));
  const path = join(dir, 'state.db');
  const clock = { now: new Date('2025-03-10T09:00:00.000Z') };
  const open = (): StateDb => openStateDb(path, { clock: () => clock.now, ...options });
  let db = open();
  return {
    dir,
    path,
    clock,
    get db() {
      return db;
    },
    /** Closes and opens the same file again, as a restart would. */
    reopen(): StateDb {
      db.close();
      db = open();
      return db;
    },
    cleanup(): void {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
