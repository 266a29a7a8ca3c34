import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStateDb } from './temp-state-db';

describe('ConnectionStateRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  beforeEach(() => {
    env = tempStateDb();
  });
  afterEach(() => env.cleanup());

  it('starts a new connection active with no tokens and no last sync', () => {
    const state = env.db.connections.ensure('room-a@example.com');

    expect(state).toEqual({
      calendarId: 'room-a@example.com',
      schedSyncToken: null,
      externalSyncToken: null,
      lastSync: null,
      status: 'active',
      statusMessage: null,
      updatedAt: '2025-03-10T09:00:00.000Z',
    });
  });

  it('leaves an existing connection untouched when ensured again', () => {
    env.db.connections.ensure('cal-1');
    env.db.connections.update('cal-1', { schedSyncToken: 'tok-1' });

    const state = env.db.connections.ensure('cal-1');

    expect(state.schedSyncToken).toBe('tok-1');
  });

  it('changes only the fields given and stamps the time', () => {
    env.db.connections.ensure('cal-1');
    env.clock.now = new Date('2025-03-10T10:00:00.000Z');

    const state = env.db.connections.update('cal-1', {
      externalSyncToken: 'https://graph/delta?$deltatoken=abc',
      lastSync: '2025-03-10T10:00:00.000Z',
      status: 'error',
      statusMessage: 'Google answered 503 three times. The next run tries again.',
    });

    expect(state).toMatchObject({
      schedSyncToken: null,
      externalSyncToken: 'https://graph/delta?$deltatoken=abc',
      lastSync: '2025-03-10T10:00:00.000Z',
      status: 'error',
      statusMessage: 'Google answered 503 three times. The next run tries again.',
      updatedAt: '2025-03-10T10:00:00.000Z',
    });
  });

  it('forgets both tokens after a 410 so the next run reads everything', () => {
    env.db.connections.ensure('cal-1');
    env.db.connections.update('cal-1', { schedSyncToken: 's', externalSyncToken: 'g', lastSync: 'x' });

    const state = env.db.connections.resetTokens('cal-1');

    expect(state).toMatchObject({ schedSyncToken: null, externalSyncToken: null, lastSync: 'x' });
  });

  it('refuses to update a connection it does not know', () => {
    expect(() => env.db.connections.update('nobody', { status: 'paused' })).toThrow(
      /No sync state for calendar nobody/,
    );
  });

  it('lists connections and forgets one together with its links, runs and conflicts', () => {
    const { db } = env;
    db.connections.ensure('cal-1');
    db.connections.ensure('cal-2');
    db.links.upsert({
      connectionId: 'cal-1',
      bookingId: 'b1',
      eventId: 'e1',
      schedVersion: '1',
      externalEtag: null,
      schedHash: null,
      externalHash: null,
    });
    const run = db.runs.start({ connectionId: 'cal-1' });
    db.journal.append({ runId: run.runId, side: 'external', action: 'create', eventId: 'e1' });
    db.conflicts.record({ connectionId: 'cal-1', kind: 'edit', bookingId: 'b1', eventId: 'e1' });

    const removed = db.connections.remove('cal-1');

    expect(removed).toBe(true);
    expect(db.connections.list().map((c) => c.calendarId)).toEqual(['cal-2']);
    expect(db.links.list('cal-1')).toEqual([]);
    expect(db.runs.list({ connectionId: 'cal-1' })).toEqual([]);
    expect(db.journal.forRun(run.runId)).toEqual([]);
    expect(db.conflicts.open('cal-1')).toEqual([]);
    expect(db.check()).toEqual([]);
  });
});
