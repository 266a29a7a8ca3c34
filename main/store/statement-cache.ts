/**
 * Prepared statements kept per connection. The repositories call `prepare(sql)` at every use, and SQLite compiled
 * each call afresh: in a sync of 50 calendars that was the agent's largest single cost (17 % of its CPU) and a
 * stream of garbage. Each query is compiled once and kept, at most `limit` of them (a few have a varying column
 * list), the least recently used dropped first.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Makes `sqlite.prepare` return the statement it compiled before for the same SQL. */
export function cacheStatements(sqlite: Database, limit = 256): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = kept.get(sql);
    if (statement) {
      kept.delete(sql);
      // A caller may have switched it to plucked or raw rows; every caller expects a fresh statement's rows.
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = compile(sql);
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  };
  sqlite.prepare = prepare as Database['prepare'];
}
