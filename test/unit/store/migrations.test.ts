import { afterEach, describe, expect, it } from 'vitest';
import { LinkStore } from '../../../main/engine/link-store';
import { migrations } from '../../../main/store/migrations';
import { initialSchema } from '../../../main/store/migrations/001-initial-schema';
import { openStateDb, type StateDb } from '../../../main/store/state-db';
import type { Link } from '../../../main/sync';
import { instantAt, linkSideOf } from '../../../main/sync';
import { tempStateDb } from './temp-state-db';

const zone = 'Europe/London';

function linkOf(bookingId: string, eventId: string, title: string): Link {
  const fields = {
    title,
    description: '',
    location: '',
    start: instantAt('2025-03-12T10:00', zone),
    end: instantAt('2025-03-12T11:00', zone),
  };
  const item = (id: string) => ({
    ...fields,
    id,
    version: `${id}-v1`,
    updated: '2025-03-01T00:00:00.000Z',
    status: 'confirmed' as const,
  });
  return { sched: linkSideOf(item(bookingId)), external: linkSideOf(item(eventId)), origin: 'sched' };
}

/** What an existing user's file looks like: schema 1, with the snapshot table the engine used to create itself. */
function writeSchemaOneFile(db: StateDb, withEngineTable: boolean, links: Link[]): void {
  db.connections.ensure('room-a@example.com');
  if (withEngineTable) {
    db.sqlite.exec(`CREATE TABLE IF NOT EXISTS engine_link_snapshots (
      link_id INTEGER PRIMARY KEY REFERENCES links(id) ON DELETE CASCADE,
      snapshot TEXT NOT NULL
    ) STRICT`);
  }
  for (const link of links) {
    const row = db.links.upsert({
      connectionId: 'room-a@example.com',
      bookingId: link.sched.id,
      eventId: link.external.id,
      schedVersion: link.sched.version,
      externalEtag: link.external.version,
      schedHash: link.sched.hash,
      externalHash: link.external.hash,
    });
    if (withEngineTable) {
      db.sqlite
        .prepare(`INSERT INTO engine_link_snapshots (link_id, snapshot) VALUES (?, ?)`)
        .run(row.id, JSON.stringify(link));
    }
  }
}

describe('upgrading a state DB written at schema 1', () => {
  let env: ReturnType<typeof tempStateDb>;
  afterEach(() => env.cleanup());

  it('keeps every link the engine had stored, with the fields the planner needs', () => {
    env = tempStateDb({ migrations: [initialSchema] });
    const links = [linkOf('b1', 'e1', 'Dentist'), linkOf('b2', 'e2', 'Physio')];
    writeSchemaOneFile(env.db, true, links);
    env.db.close();

    const upgraded = openStateDb(env.path);

    expect(upgraded.schemaVersion).toBe(migrations.length);
    expect(new LinkStore(upgraded, 'room-a@example.com').list()).toEqual(links);
    expect(upgraded.check()).toEqual([]);
    upgraded.close();
  });

  it('adds the snapshot table to a file that never had it, and links written later are kept', () => {
    env = tempStateDb({ migrations: [initialSchema] });
    writeSchemaOneFile(env.db, false, []);
    env.db.close();

    const upgraded = openStateDb(env.path);
    const store = new LinkStore(upgraded, 'room-a@example.com');
    upgraded.transaction(() => store.save(linkOf('b1', 'e1', 'Dentist')));

    expect(store.list()).toEqual([linkOf('b1', 'e1', 'Dentist')]);
    upgraded.close();
  });

  it('starts with no undone copies, and forgets them with their connection', () => {
    env = tempStateDb({ migrations: [initialSchema] });
    writeSchemaOneFile(env.db, true, [linkOf('b1', 'e1', 'Dentist')]);
    env.db.close();
    const upgraded = openStateDb(env.path);

    const before = upgraded.undoneCopies.list('room-a@example.com', 'sched');
    upgraded.undoneCopies.remember({
      connectionId: 'room-a@example.com',
      side: 'sched',
      itemId: 'b9',
      contentHash: 'h',
      copyId: 'e9',
    });
    upgraded.sqlite.prepare(`DELETE FROM connection_state WHERE calendar_id = ?`).run('room-a@example.com');

    expect(before).toEqual([]);
    expect(upgraded.undoneCopies.list('room-a@example.com', 'sched')).toEqual([]);
    upgraded.close();
  });
});

describe('a fresh state DB', () => {
  let env: ReturnType<typeof tempStateDb>;
  afterEach(() => env.cleanup());

  it('drops a link’s snapshot together with its link', () => {
    env = tempStateDb();
    writeSchemaOneFile(env.db, false, []);
    const store = new LinkStore(env.db, 'room-a@example.com');
    env.db.transaction(() => store.save(linkOf('b1', 'e1', 'Dentist')));

    env.db.transaction(() => store.drop({ bookingId: 'b1', eventId: 'e1' }));

    expect(env.db.sqlite.prepare(`SELECT count(*) AS n FROM engine_link_snapshots`).get()).toEqual({ n: 0 });
  });
});
