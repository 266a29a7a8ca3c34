import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../main/engine';
import { openStateDb, type StateDb } from '../../main/store';
import { slot, titles, world, writes } from '../unit/engine/world';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dbFile(): { path: string; open: () => StateDb } {
  const dir = mkdtempSync(join(tmpdir(), 'engine-state-'));
  dirs.push(dir);
  const path = join(dir, 'state.db');
  return { path, open: () => openStateDb(path) };
}

describe('engine with a state DB file', () => {
  it('rebuilds every link from the tags after the file is deleted: no copy, no deletion, no write', async () => {
    const file = dbFile();
    const first = world({ db: file.open() });
    first.sched.add(slot('Dentist'));
    first.sched.add(slot('Physio', 14));
    first.external.add(slot('Lunch', 13));
    first.external.add(slot('Board meeting', 15));
    await first.engine.run(first.connection);
    first.db.close();
    rmSync(file.path, { force: true });
    const writesBefore = writes(first.sched) + writes(first.external);

    const db = file.open();
    const engine = new Engine({ db, now: () => first.time.now });
    const resync = await engine.run(first.connection);
    const idle = await engine.run(first.connection);
    db.close();

    expect(resync.status).toBe('ok');
    expect([resync.created, resync.deleted]).toEqual([
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
    ]);
    expect(writes(first.sched) + writes(first.external)).toBe(writesBefore);
    expect(titles(first.sched)).toEqual(['Board meeting', 'Dentist', 'Lunch', 'Physio']);
    expect(titles(first.external)).toEqual(titles(first.sched));
    expect(idle.requests).toBe(2);
  });

  it('keeps working across a restart: reopened file, same links, an edit still flows', async () => {
    const file = dbFile();
    const w = world({ db: file.open() });
    const booking = w.sched.add(slot('Dentist'));
    await w.engine.run(w.connection);
    w.db.close();
    w.sched.edit(booking.id, { title: 'Dentist (moved)' });

    const db = file.open();
    const summary = await new Engine({ db, now: () => w.time.now }).run(w.connection);
    db.close();

    expect(summary.updated.external).toBe(1);
    expect(summary.created).toEqual({ sched: 0, external: 0 });
    expect(titles(w.external)).toEqual(['Dentist (moved)']);
  });
});
