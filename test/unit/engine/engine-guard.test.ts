import { describe, expect, it } from 'vitest';
import { NothingToReviewError } from '../../../main/engine';
import { slot, titles, world } from './world';

async function sixLinkedBookings() {
  const w = world();
  const bookings = [11, 12, 13, 14, 15, 16].map((day) => w.sched.add(slot(`Day ${day}`, day)));
  await w.engine.run(w.connection);
  for (const booking of bookings) w.sched.remove(booking.id);
  return w;
}

describe('the mass-delete guard', () => {
  it('applies nothing and asks for review when a run would delete most links', async () => {
    const { external, db, engine, connection } = await sixLinkedBookings();

    const summary = await engine.run(connection);

    expect(summary.status).toBe('needs_review');
    expect(summary.deleted).toEqual({ sched: 0, external: 0 });
    expect(external.live()).toHaveLength(6);
    expect(db.connections.get(connection.calendarId)?.status).toBe('needs_review');
  });

  it('applies the deletions once a person reviews and chooses apply', async () => {
    const { external, db, engine, connection } = await sixLinkedBookings();
    await engine.run(connection);

    const applied = await engine.review(connection, 'apply');

    expect(applied?.deleted.external).toBe(6);
    expect(external.live()).toEqual([]);
    expect(db.connections.get(connection.calendarId)?.status).toBe('active');
  });

  it('on cancel writes nothing, sets the connection active, and stops again while the deletions persist', async () => {
    const { external, db, engine, connection } = await sixLinkedBookings();
    await engine.run(connection);

    await engine.review(connection, 'cancel');
    const statusAfterCancel = db.connections.get(connection.calendarId)?.status;
    const next = await engine.run(connection);

    expect(statusAfterCancel).toBe('active');
    expect(next.status).toBe('needs_review');
    expect(external.live()).toHaveLength(6);
  });

  it('refuses a review when nothing waits for one', async () => {
    const { engine, connection } = world();

    await expect(engine.review(connection, 'apply')).rejects.toBeInstanceOf(NothingToReviewError);
  });

  it('shows the held deletions in the preview without applying them', async () => {
    const { external, engine, connection } = await sixLinkedBookings();

    const preview = await engine.preview(connection);

    expect(preview.guard.verdict).toBe('needs_review');
    expect(preview.counts.delete.external).toBe(6);
    expect(titles(external)).toHaveLength(6);
  });
});
