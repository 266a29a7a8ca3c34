import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheStatements } from '../../../main/store/statement-cache';
import { tempStateDb } from './temp-state-db';

describe('cacheStatements', () => {
  let sqlite: Database.Database;
  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)`);
    sqlite.exec(`INSERT INTO t (name) VALUES ('a'), ('b')`);
    cacheStatements(sqlite, 2);
  });
  afterEach(() => sqlite.close());

  it('compiles a query once however often the repositories run it', () => {
    const first = sqlite.prepare(`SELECT name FROM t WHERE id = ?`);

    expect(sqlite.prepare(`SELECT name FROM t WHERE id = ?`)).toBe(first);
    expect(first.get(2)).toEqual({ name: 'b' });
  });

  it('gives rows again after a caller plucked the same query', () => {
    expect(sqlite.prepare(`SELECT name FROM t ORDER BY id`).pluck().all()).toEqual(['a', 'b']);

    expect(sqlite.prepare(`SELECT name FROM t ORDER BY id`).all()).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(sqlite.prepare(`SELECT name FROM t ORDER BY id`).raw().all()).toEqual([['a'], ['b']]);
    expect(sqlite.prepare(`SELECT name FROM t ORDER BY id`).get()).toEqual({ name: 'a' });
  });

  it('keeps at most its limit of queries, the least recently used dropped first', () => {
    const kept = sqlite.prepare(`SELECT 1`);
    const dropped = sqlite.prepare(`SELECT 2`);
    sqlite.prepare(`SELECT 1`);
    sqlite.prepare(`SELECT 3`);

    expect(sqlite.prepare(`SELECT 1`)).toBe(kept);
    expect(sqlite.prepare(`SELECT 2`)).not.toBe(dropped);
  });

  it('refuses bad SQL as before, caching nothing', () => {
    expect(() => sqlite.prepare(`SELEC 1`)).toThrow(/syntax error/);
    expect(() => sqlite.prepare(`SELEC 1`)).toThrow(/syntax error/);
  });
});

describe('the state DB', () => {
  it('prepares each repository query once', () => {
    const env = tempStateDb();
    try {
      const sql = `SELECT * FROM outbox WHERE idempotency_key = ?`;
      env.db.outbox.byKey('k');

      expect(env.db.sqlite.prepare(sql)).toBe(env.db.sqlite.prepare(sql));
    } finally {
      env.cleanup();
    }
  });
});
