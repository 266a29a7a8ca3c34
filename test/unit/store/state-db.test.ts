import { existsSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/store/migrations';
import { openStateDb } from '../../../main/store/state-db';
import { tempStateDb } from './temp-state-db';

describe('openStateDb', () => {
  let env: ReturnType<typeof tempStateDb>;
  afterEach(() => env.cleanup());

  it('creates a fresh database at the newest schema with WAL and foreign keys on', () => {
    env = tempStateDb();

    const { db } = env;

    expect(db.schemaVersion).toBe(migrations.length);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.check()).toEqual([]);
  });

  it('keeps its data and schema version when opened again', () => {
    env = tempStateDb();
    env.db.connections.ensure('room-a@example.com');
    env.db.connections.update('room-a@example.com', { schedSyncToken: 's1', externalSyncToken: 'g1' });

    const reopened = env.reopen();

    expect(reopened.schemaVersion).toBe(migrations.length);
    expect(reopened.connections.get('room-a@example.com')).toMatchObject({
      schedSyncToken: 's1',
      externalSyncToken: 'g1',
    });
  });

  it('applies only the steps a database has not seen yet, in order', () => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    const extraStep = {
      name: 'add a note column',
      up: (db: Database.Database) => db.exec(`ALTER TABLE connection_state ADD COLUMN note TEXT`),
    };

    const upgraded = env.reopen();
    upgraded.close();
    const later = openStateDb(env.path, { migrations: [...migrations, extraStep] });

    expect(later.schemaVersion).toBe(migrations.length + 1);
    expect(later.connections.get('cal-1')).not.toBeNull();
    expect(later.sqlite.prepare(`SELECT note FROM connection_state`).all()).toEqual([{ note: null }]);
    later.close();
  });

  it('leaves the database at the last good version when a step fails', () => {
    env = tempStateDb();
    const broken = { name: 'broken step', up: (db: Database.Database) => db.exec(`CREATE TABLE runs (x)`) };
    env.db.close();

    expect(() => openStateDb(env.path, { migrations: [...migrations, broken] })).toThrow(
      `schema ${migrations.length + 1} (broken step)`,
    );

    const again = env.reopen();
    expect(again.schemaVersion).toBe(migrations.length);
    expect(again.check()).toEqual([]);
  });

  it('refuses a database written by a newer schema with advice', () => {
    env = tempStateDb();
    env.db.sqlite.pragma('user_version = 99');
    env.db.close();

    expect(() => openStateDb(env.path)).toThrow(
      `newer Sched Sync (schema 99; this version knows ${migrations.length})`,
    );
  });

  it('says plainly when the file is not a database', () => {
    env = tempStateDb();
    const garbage = `${env.dir}/garbage.db`;
    writeFileSync(
      garbage,
      'this is not sqlite, just some text that is long enough to have a header'.repeat(20),
    );

    expect(() => openStateDb(garbage)).toThrow(/is not a SQLite file/);
  });
});

describe('what the state DB holds', () => {
  let env: ReturnType<typeof tempStateDb>;
  afterEach(() => env.cleanup());

  it('has no column meant for a secret', () => {
    env = tempStateDb();
    const tables = env.db.sqlite
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];

    const columns = tables.flatMap((table) =>
      (env.db.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => `${table}.${c.name}`),
    );

    expect(columns.length).toBeGreaterThan(50);
    expect(
      columns.filter((c) => /secret|password|refresh|access_token|api_key|oauth|credential/i.test(c)),
    ).toEqual([]);
  });

  it('creates its file readable by its owner only', () => {
    env = tempStateDb();

    expect(statSync(env.path).mode & 0o777).toBe(0o600);
  });

  it('lets a second connection read while a write transaction is open', () => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    const reader = openStateDb(env.path);

    const seen = env.db.transaction(() => {
      env.db.connections.update('cal-1', { status: 'syncing' });
      return reader.connections.get('cal-1')?.status;
    });

    expect(seen).toBe('active');
    expect(reader.connections.get('cal-1')?.status).toBe('syncing');
    reader.close();
  });
});

describe('StateDb.transaction', () => {
  let env: ReturnType<typeof tempStateDb>;
  afterEach(() => env.cleanup());

  it('commits everything the function wrote together', () => {
    env = tempStateDb();
    const { db } = env;
    db.connections.ensure('cal-1');

    db.transaction(() => {
      const intent = db.outbox.record({
        connectionId: 'cal-1',
        idempotencyKey: 'k1',
        side: 'external',
        operation: 'create',
        bookingId: 'b1',
        payload: { title: 'Checkup' },
      });
      db.links.upsert(link('cal-1', 'b1', 'e1'));
      db.outbox.markDone(intent.id);
    });

    expect(db.links.byBooking('cal-1', 'b1')?.eventId).toBe('e1');
    expect(db.outbox.unfinished()).toEqual([]);
  });

  it('rolls back everything and rethrows when the function throws', () => {
    env = tempStateDb();
    const { db } = env;
    db.connections.ensure('cal-1');
    const intent = db.outbox.record({
      connectionId: 'cal-1',
      idempotencyKey: 'k1',
      side: 'external',
      operation: 'create',
      payload: {},
    });

    expect(() =>
      db.transaction(() => {
        db.links.upsert(link('cal-1', 'b1', 'e1'));
        db.outbox.markDone(intent.id);
        throw new Error('network went away');
      }),
    ).toThrow('network went away');

    expect(db.links.list('cal-1')).toEqual([]);
    expect(db.outbox.unfinished().map((e) => e.idempotencyKey)).toEqual(['k1']);
  });

  it('rolls back only the inner part when a nested transaction throws and the outer one catches', () => {
    env = tempStateDb();
    const { db } = env;
    db.connections.ensure('cal-1');

    db.transaction(() => {
      db.links.upsert(link('cal-1', 'b1', 'e1'));
      try {
        db.transaction(() => {
          db.links.upsert(link('cal-1', 'b2', 'e2'));
          throw new Error('inner failure');
        });
      } catch {
        // the outer batch carries on without the inner part
      }
    });

    expect(db.links.list('cal-1').map((l) => l.bookingId)).toEqual(['b1']);
  });

  it('returns what the function returns', () => {
    env = tempStateDb();

    const value = env.db.transaction(() => env.db.connections.ensure('cal-1').calendarId);

    expect(value).toBe('cal-1');
  });
});

describe('StateDb.close', () => {
  it('can be called twice and leaves no WAL behind', () => {
    const env = tempStateDb();
    env.db.connections.ensure('cal-1');

    env.db.close();
    env.db.close();

    expect(env.db.isOpen).toBe(false);
    expect(existsSync(`${env.path}-wal`)).toBe(false);
    const raw = new Database(env.path, { readonly: true });
    expect(raw.prepare(`SELECT count(*) AS n FROM connection_state`).get()).toEqual({ n: 1 });
    raw.close();
    env.cleanup();
  });
});

function link(connectionId: string, bookingId: string, eventId: string) {
  return {
    connectionId,
    bookingId,
    eventId,
    schedVersion: '1',
    externalEtag: '"e1"',
    schedHash: 'h',
    externalHash: 'h',
  };
}
