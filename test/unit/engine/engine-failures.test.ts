import { describe, expect, it } from 'vitest';
import { AuthError, PreconditionFailedError, RateLimitError } from '../../../main/providers/port';
import { slot, titles, world, writes } from './world';

describe('Engine.run when providers fail', () => {
  it('stops at a refused sign-in: reauth_required, nothing written', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('Dentist'));
    external.faults.failNext('list', new AuthError('Google'));

    const summary = await engine.run(connection);

    expect(summary.status).toBe('error');
    expect(summary.message).toContain('Sign in again');
    expect(db.connections.get(connection.calendarId)?.status).toBe('reauth_required');
    expect(writes(external)).toBe(0);
  });

  it('stops cleanly on a rate limit and the next run finishes the work without copies', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('A'));
    sched.add(slot('B', 13));
    sched.add(slot('C', 14));
    await engine.run(connection);
    sched.add(slot('D', 15));
    sched.add(slot('E', 16));
    external.faults.failNext('create', new RateLimitError('Google'));

    const stopped = await engine.run(connection);
    const resumed = await engine.run(connection);

    expect(stopped.status).toBe('error');
    expect(stopped.errors).toBe(1);
    expect(db.connections.get(connection.calendarId)?.status).toBe('active');
    expect(resumed.status).toBe('ok');
    expect(titles(external)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('keeps the cursors of a run that stopped, so the next run still sees its changes', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('A'));
    await engine.run(connection);
    const cursorsBefore = db.connections.get(connection.calendarId);
    sched.add(slot('B', 13));
    external.faults.failNext('create', new Error('503 Service Unavailable'));

    const stopped = await engine.run(connection);

    expect(stopped.message).toContain('503 Service Unavailable');
    expect(db.connections.get(connection.calendarId)?.schedSyncToken).toBe(cursorsBefore?.schedSyncToken);
    expect(db.connections.get(connection.calendarId)?.status).toBe('error');
  });

  it('re-reads an item whose version moved under a conditional write (412) and writes it again', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    await engine.run(connection);
    sched.edit(booking.id, { title: 'Dentist at 10' });
    external.faults.failNext('update', new PreconditionFailedError(external.live()[0]?.id ?? ''));

    const summary = await engine.run(connection);

    expect(summary.status).toBe('ok');
    expect(summary.updated.external).toBe(1);
    expect(external.requests.get).toBe(1);
    expect(titles(external)).toEqual(['Dentist at 10']);
  });

  it('counts an item that keeps changing under its writes as an error and leaves it for the next run', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    await engine.run(connection);
    sched.edit(booking.id, { title: 'Dentist at 10' });
    const eventId = external.live()[0]?.id ?? '';
    external.faults.failNext('update', new PreconditionFailedError(eventId));
    external.faults.failNext('update', new PreconditionFailedError(eventId));

    const stuck = await engine.run(connection);
    const next = await engine.run(connection);

    expect(stuck.errors).toBe(1);
    expect(stuck.message).toContain('next run');
    expect(next.updated.external).toBe(1);
    expect(titles(external)).toEqual(['Dentist at 10']);
  });

  it('finishes a create that reached the calendar before a crash by linking it, not creating it again', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('Dentist'));
    const crashing = {
      ...connection,
      external: Object.assign(Object.create(external) as typeof external, {
        create: async (request: Parameters<typeof external.create>[0]) => {
          await external.create(request);
          throw new Error('process killed');
        },
      }),
    };
    await engine.run(crashing);

    const recovered = await engine.run(connection);

    expect(db.outbox.unfinished(connection.calendarId)).toEqual([]);
    expect(external.live()).toHaveLength(1);
    expect(recovered.created.external).toBe(1);
    expect(external.requests.create).toBe(2);
  });
});
