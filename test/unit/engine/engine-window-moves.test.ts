import { describe, expect, it } from 'vitest';
import type { ItemFields } from '../../../main/sync';
import { instantAt } from '../../../main/sync';
import { titles, world, zone } from './world';

const day = 86_400_000;

/** A one-hour appointment `days` after the world's start (10 March 2025) at 10:00 London time. */
function daysAhead(title: string, days: number): ItemFields {
  const date = new Date(Date.UTC(2025, 2, 10) + days * day).toISOString().slice(0, 10);
  return {
    title,
    description: '',
    location: '',
    start: instantAt(`${date}T10:00`, zone),
    end: instantAt(`${date}T11:00`, zone),
  };
}

/**
 * A world with a short window (7 days back, 30 ahead), a clock tests move by whole days, and one booking inside the
 * window: with a link in the state the runs read incrementally (without one, every run is a full read).
 */
function shortWindow() {
  const w = world({ settings: { window_days_past: 7, window_days_future: 30 } });
  w.sched.add(daysAhead('Standing meeting', 2));
  const pass = (days: number) => {
    w.time.now = new Date(w.time.now.getTime() + days * day);
  };
  const lists = () => ({ sched: w.sched.requests.list, external: w.external.requests.list });
  return { ...w, pass, lists };
}

describe('the window moves with time (Engine.run)', () => {
  it('copies a booking and an event made beyond the window on the first run after the days bring them inside', async () => {
    const { sched, external, engine, connection, pass } = shortWindow();
    await engine.run(connection);
    sched.add(daysAhead('Term planning', 40));
    external.add(daysAhead('Open day', 41));
    const outside = await engine.run(connection);

    pass(15);
    const inside = await engine.run(connection);
    const quiet = await engine.run(connection);

    expect(outside.created).toEqual({ sched: 0, external: 0 });
    expect(inside.created).toEqual({ sched: 1, external: 1 });
    expect(quiet.created).toEqual({ sched: 0, external: 0 });
    expect(quiet.updated).toEqual({ sched: 0, external: 0 });
    expect(titles(sched)).toEqual(['Open day', 'Standing meeting', 'Term planning']);
    expect(titles(external)).toEqual(['Open day', 'Standing meeting', 'Term planning']);
  });

  it('reads the slice that entered once per side on a new day, and only the change feed after that', async () => {
    const { engine, connection, pass, lists } = shortWindow();
    await engine.run(connection);
    await engine.run(connection);
    const sameDay = lists();

    pass(1);
    const nextDay = await engine.run(connection);
    const afterNextDay = lists();
    const idle = await engine.run(connection);

    expect(sameDay).toEqual({ sched: 2, external: 2 });
    expect(nextDay.requests).toBe(4);
    expect(afterNextDay).toEqual({ sched: 4, external: 4 });
    expect(idle.requests).toBe(2);
  });

  it('copies what a widened window takes in, past and future, and deletes nothing when it narrows', async () => {
    const { sched, external, engine, connection } = shortWindow();
    await engine.run(connection);
    sched.add(daysAhead('Summer school', 60));
    external.add(daysAhead('Last term review', -20));
    await engine.run(connection);

    connection.settings = { ...connection.settings, window_days_past: 30, window_days_future: 90 };
    const widened = await engine.run(connection);
    connection.settings = { ...connection.settings, window_days_past: 1, window_days_future: 10 };
    const narrowed = await engine.run(connection);

    expect(widened.created).toEqual({ sched: 1, external: 1 });
    expect(widened.requests).toBe(2 + 2 + 2 + 2);
    expect(narrowed.created).toEqual({ sched: 0, external: 0 });
    expect(narrowed.deleted).toEqual({ sched: 0, external: 0 });
    expect(titles(external)).toEqual(['Last term review', 'Standing meeting', 'Summer school']);
  });

  it('reads again what a narrowed window let go, once it is widened again', async () => {
    const { sched, external, engine, connection } = shortWindow();
    await engine.run(connection);
    connection.settings = { ...connection.settings, window_days_future: 10 };
    await engine.run(connection);
    sched.add(daysAhead('Sports day', 20));
    await engine.run(connection);

    connection.settings = { ...connection.settings, window_days_future: 30 };
    const widened = await engine.run(connection);

    expect(widened.created).toEqual({ sched: 0, external: 1 });
    expect(titles(external)).toEqual(['Sports day', 'Standing meeting']);
  });

  it('infers the covered window from the last sync when the state DB comes from a build that did not save it', async () => {
    const { sched, external, db, engine, connection, pass } = shortWindow();
    await engine.run(connection);
    sched.add(daysAhead('Term planning', 40));
    await engine.run(connection);
    db.coveredWindows.clear(connection.calendarId);

    pass(15);
    const inside = await engine.run(connection);

    expect(inside.created).toEqual({ sched: 0, external: 1 });
    expect(titles(external)).toEqual(['Standing meeting', 'Term planning']);
  });

  it('reads the whole window once after the agent was off for longer than the window', async () => {
    const { sched, engine, connection, pass } = shortWindow();
    await engine.run(connection);
    sched.add(daysAhead('Autumn fair', 80));
    await engine.run(connection);

    pass(60);
    const back = await engine.run(connection);

    expect(back.created).toEqual({ sched: 0, external: 1 });
    expect(back.requests).toBe(2 + 2 + 1);
  });

  it('previews what entered the window without moving the covered window', async () => {
    const { sched, engine, connection, pass } = shortWindow();
    await engine.run(connection);
    sched.add(daysAhead('Term planning', 40));
    await engine.run(connection);
    pass(15);

    const preview = await engine.preview(connection);
    const run = await engine.run(connection);

    expect(preview.changes.map((c) => [c.action, c.side, c.title])).toEqual([
      ['create', 'external', 'Term planning'],
    ]);
    expect(run.created).toEqual({ sched: 0, external: 1 });
  });
});
