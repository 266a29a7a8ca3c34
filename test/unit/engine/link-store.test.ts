import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../../main/store';
import { migrations } from '../../../main/store/migrations';
import { tempStateDb } from '../store/temp-state-db';
import { LinkStore } from '../../../main/engine/link-store';
import type { Link, SyncItem } from '../../../main/sync';
import { linkSideOf } from '../../../main/sync';
import { slot } from './world';

function item(id: string, title: string): SyncItem {
  return { ...slot(title), id, version: `${id}-v1`, updated: '2025-03-01T00:00:00Z', status: 'confirmed' };
}

function setup() {
  const db = openStateDb(':memory:');
  db.connections.ensure('cal-1');
  return { db, links: new LinkStore(db, 'cal-1') };
}

const link = (booking: string, event: string): Link => ({
  sched: linkSideOf(item(booking, 'Dentist')),
  external: linkSideOf(item(event, 'Dentist')),
  origin: 'sched',
});

describe('LinkStore', () => {
  it('gives back the planner’s link with the fields last synced', () => {
    const { db, links } = setup();

    db.transaction(() => links.save(link('b1', 'e1')));

    expect(links.list()).toEqual([link('b1', 'e1')]);
    expect(db.links.byEvent('cal-1', 'e1')?.schedVersion).toBe('b1-v1');
  });

  it('replaces a link that held the same event, so an event is never linked twice', () => {
    const { db, links } = setup();
    db.transaction(() => links.save(link('b1', 'e1')));

    db.transaction(() => links.save(link('b2', 'e1')));

    expect(links.list().map((l) => [l.sched.id, l.external.id])).toEqual([['b2', 'e1']]);
  });

  it('forgets a link and its snapshot together', () => {
    const { db, links } = setup();
    db.transaction(() => links.save(link('b1', 'e1')));

    db.transaction(() => links.drop({ bookingId: 'b1', eventId: 'e1' }));

    expect(links.list()).toEqual([]);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM engine_link_snapshots').get()).toEqual({ n: 0 });
  });
});

describe('LinkStore unconfirmed events', () => {
  it('remembers an event the agent created until it is confirmed', () => {
    const { db, links } = setup();
    db.transaction(() => {
      links.save(link('b1', 'e1'));
      links.save(link('b2', 'e2'));
      links.markUnconfirmed('e1');
      links.markUnconfirmed('e2');
    });

    db.transaction(() => links.confirm(['e2']));

    expect(links.unconfirmed()).toEqual(['e1']);
  });

  it('keeps the mark across a new version of the same link and drops it with the link', () => {
    const { db, links } = setup();
    db.transaction(() => {
      links.save(link('b1', 'e1'));
      links.markUnconfirmed('e1');
    });

    db.transaction(() => links.save(link('b1', 'e1')));
    const afterUpdate = links.unconfirmed();
    db.transaction(() => links.drop({ bookingId: 'b1', eventId: 'e1' }));

    expect(afterUpdate).toEqual(['e1']);
    expect(links.unconfirmed()).toEqual([]);
  });

  it('starts confirmed when the booking is linked to another event read from the calendar', () => {
    const { db, links } = setup();
    db.transaction(() => {
      links.save(link('b1', 'e1'));
      links.markUnconfirmed('e1');
    });

    db.transaction(() => links.save(link('b1', 'e9')));

    expect(links.unconfirmed()).toEqual([]);
  });

  it('upgrades a file written before the mark with its links confirmed, ready to be marked', () => {
    const env = tempStateDb({ migrations: migrations.slice(0, 3) });
    env.db.connections.ensure('cal-1');
    env.db.transaction(() => new LinkStore(env.db, 'cal-1').save(link('b1', 'e1')));
    env.db.close();
    const upgraded = openStateDb(env.path);
    const links = new LinkStore(upgraded, 'cal-1');

    const before = links.unconfirmed();
    upgraded.transaction(() => links.markUnconfirmed('e1'));

    expect(before).toEqual([]);
    expect(links.unconfirmed()).toEqual(['e1']);
    expect(links.list()).toEqual([link('b1', 'e1')]);
    upgraded.close();
    env.cleanup();
  });
});
