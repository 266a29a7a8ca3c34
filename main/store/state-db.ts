import { closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { ConflictRepo } from './conflict-repo';
import { ConnectionStateRepo } from './connection-state-repo';
import { HeldElsewhereRepo } from './held-elsewhere-repo';
import { CoveredWindowRepo } from './covered-window-repo';
import { JournalRepo } from './journal-repo';
import { LinkRepo } from './link-repo';
import { applyMigrations } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { OutboxRepo } from './outbox-repo';
import { RemapRepo } from './remap-repo';
import { RunRepo } from './run-repo';
import { cacheStatements } from './statement-cache';
import type { Clock } from './store-clock';
import { UndoneCopyRepo } from './undone-copy-repo';

export interface StateDbOptions {
  /** Where timestamps come from; tests pass a fixed clock. */
  clock?: Clock;
  /** How long a write waits for another connection's lock before failing, in ms. */
  busyTimeoutMs?: number;
  /** The schema steps; only tests pass anything but the shipped list. */
  migrations?: readonly Migration[];
}

/**
 * The engine's memory between runs: sync tokens, links, the outbox, runs with their journal, conflicts and
 * the items an undo took the copies of.
 * It can always be rebuilt from the tags on both sides (SYNC.md, "Identity"), and it never holds a secret.
 */
export class StateDb {
  readonly connections: ConnectionStateRepo;
  readonly links: LinkRepo;
  readonly outbox: OutboxRepo;
  readonly runs: RunRepo;
  readonly journal: JournalRepo;
  readonly conflicts: ConflictRepo;
  /** Items whose copy an undo removed, left alone until they change. */
  readonly undoneCopies: UndoneCopyRepo;
  /** Which resource each connection mirrors, and remaps waiting for their run. */
  readonly remaps: RemapRepo;
  /** Calendars another device took over (one device per calendar). */
  readonly heldElsewhere: HeldElsewhereRepo;
  /** The sync window each connection's saved cursors cover. */
  readonly coveredWindows: CoveredWindowRepo;
  /** The schema version the file is at after opening. */
  readonly schemaVersion: number;

  constructor(
    /** The underlying connection, for the rare query no repository offers. */
    readonly sqlite: SqliteDatabase,
    readonly path: string,
    options: StateDbOptions = {},
  ) {
    const clock = options.clock ?? (() => new Date());
    // WAL keeps the last committed state intact when the process is killed mid-write and lets readers run
    // beside the writer; NORMAL sync is durable across process crashes in WAL mode (only power loss may
    // drop the newest commits, which the next run's full read recovers).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.schemaVersion = applyMigrations(sqlite, options.migrations ?? allMigrations, path);
    cacheStatements(sqlite);
    this.connections = new ConnectionStateRepo(sqlite, clock);
    this.links = new LinkRepo(sqlite, clock);
    this.outbox = new OutboxRepo(sqlite, clock);
    this.runs = new RunRepo(sqlite, clock);
    this.journal = new JournalRepo(sqlite, clock);
    this.conflicts = new ConflictRepo(sqlite, clock);
    this.undoneCopies = new UndoneCopyRepo(sqlite, clock);
    this.remaps = new RemapRepo(sqlite, clock);
    this.heldElsewhere = new HeldElsewhereRepo(sqlite, clock);
    this.coveredWindows = new CoveredWindowRepo(sqlite, clock);
  }

  /**
   * Runs `fn` in one write transaction: everything it does through the repositories commits together, or,
   * when it throws, nothing does and the error is rethrown. Nested calls become savepoints.
   * `fn` must be synchronous: better-sqlite3 cannot hold a transaction across an await.
   */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  /** SQLite's own consistency check plus foreign keys; an empty list means the file is sound. */
  check(): string[] {
    const integrity = this.sqlite.pragma('integrity_check', { simple: false }) as {
      integrity_check: string;
    }[];
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const orphans = this.sqlite.pragma('foreign_key_check') as {
      table: string;
      rowid: number;
      parent: string;
    }[];
    return [
      ...problems,
      ...orphans.map((o) => `${o.table} row ${o.rowid} points to a missing ${o.parent} row`),
    ];
  }

  get isOpen(): boolean {
    return this.sqlite.open;
  }

  /** Folds the WAL back into the file and closes it. Safe to call twice. */
  close(): void {
    if (!this.sqlite.open) return;
    try {
      this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.sqlite.close();
    }
  }
}

/**
 * Opens (creating when absent) the state database at `path` and brings its schema up to date.
 * Throws a readable error when the file is from a newer version or is not a database.
 */
export function openStateDb(path: string, options: StateDbOptions = {}): StateDb {
  // Before-images hold booking titles and descriptions: create the file owner-only; SQLite gives its -wal and
  // -shm files the same mode.
  if (path !== ':memory:' && !existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const sqlite = new Database(path);
  try {
    return new StateDb(sqlite, path, options);
  } catch (error) {
    sqlite.close();
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new Error(
        `The state database ${path} is not a SQLite file. Move it away; Sched Sync rebuilds the state from both calendars.`,
        { cause: error },
      );
    }
    throw error;
  }
}
