import { describe, expect, it } from 'vitest';
import { linkAfterWrite, plan, planRemap, type Action } from '../../../main/sync';
import { booking, event, linkOf, planInput } from './fixtures';

const tags = { bookingId: 'b-old', connectionId: 'conn-1' };

describe('planRemap', () => {
  it('deletes only the agent’s tagged copies of the old resource’s bookings; an untagged event is only unlinked', () => {
    const copy = event('e-copy', { tags });
    const persons = event('e-person');
    const links = [linkOf(booking('b-old'), copy), linkOf(booking('b-old2'), persons)];

    const { actions } = planRemap(
      planInput({
        state: { links },
        external: { items: [copy, persons], full: true },
        sched: { items: [], full: true },
      }),
    );

    expect(actions.filter((a) => a.type === 'delete').map((a) => a.type === 'delete' && a.id)).toEqual([
      'e-copy',
    ]);
    expect(actions).toContainEqual(expect.objectContaining({ type: 'unlink', reason: 'remap' }));
  });

  it('moves a booking made from the calendar’s event, unchanged, and plans a booking already moved as usual', () => {
    const moved = booking('b-moved');
    const waiting = booking('b-waiting');
    const links = [linkOf(moved, event('e1'), 'external'), linkOf(waiting, event('e2'), 'external')];

    const { actions } = planRemap(
      planInput({
        state: { links },
        sched: { items: [moved], full: true },
        external: { items: [event('e1'), event('e2')], full: true },
      }),
    );

    expect(actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        id: 'b-waiting',
        fields: links[1]!.sched.fields,
      }),
    ]);
  });

  it('keeps every create’s first key, on both sides, so a copy made under it before is found by it', () => {
    const mine = event('e-mine');
    const input = planInput({
      // The old pairing booked e-mine; that booking is gone, so the remap books the event again on the new resource.
      state: { links: [linkOf(booking('b-gone'), mine, 'external')] },
      sched: { items: [booking('b-new')], full: true },
      external: { items: [mine], full: true },
    });
    const plain = planInput({ sched: input.sched, external: { items: [mine], full: true } });
    const keyOf = (actions: readonly Action[], counterpart: string) =>
      actions.flatMap((a) =>
        a.type === 'create' && a.counterpart.id === counterpart ? [a.idempotencyKey] : [],
      );

    const remap = planRemap(input, new Map([['b-gone', null]])).actions;
    const again = planRemap(input, new Map([['b-gone', null]])).actions;
    const ordinary = plan(plain).actions;

    expect(keyOf(remap, 'b-new')).toEqual(keyOf(ordinary, 'b-new'));
    expect(keyOf(remap, 'e-mine')).toEqual(keyOf(ordinary, 'e-mine'));
    expect(keyOf(remap, 'e-mine')).toHaveLength(1);
    expect(again).toEqual(remap);
  });

  /** A remap whose booking to move was renamed on the old resource since the last run; its event was not. */
  function remapOfEditedBooking() {
    const synced = booking('b-old');
    const persons = event('e1');
    const links = [linkOf(synced, persons, 'external')];
    const edited = { ...synced, title: 'Renamed in Sched', version: 'b-old-v2' };
    const { actions } = planRemap(
      planInput({
        state: { links },
        sched: { items: [], full: true },
        external: { items: [persons], full: true },
      }),
      new Map([['b-old', edited]]),
    );
    return { synced, edited, link: links[0]!, actions };
  }

  it('moves a booking edited on the old resource since the last run against its current version, and copies the edit', () => {
    const { actions } = remapOfEditedBooking();

    expect(actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        id: 'b-old',
        ifMatch: 'b-old-v2',
        fields: expect.objectContaining({ title: 'Renamed in Sched' }),
      }),
      expect.objectContaining({
        type: 'update',
        side: 'external',
        id: 'e1',
        fields: expect.objectContaining({ title: 'Renamed in Sched' }),
      }),
    ]);
  });

  it('stores the moved booking’s edit as not yet synced, so a run stopped before the event’s update still sends it', () => {
    const { synced, edited, link, actions } = remapOfEditedBooking();
    const move = actions[0]!;
    if (move.type !== 'update') throw new Error('the remap should move the booking first');

    const stored = linkAfterWrite(move, { ...edited, version: 'b-old-v3' });

    expect(stored.sched.version).toBe('b-old-v3');
    expect(stored.sched.fields.title).toBe(synced.title);
    expect(stored.sched.hash).toBe(link.sched.hash);
  });

  it('books the person’s event on the new resource when its old booking was cancelled, and deletes nothing', () => {
    const synced = booking('b-old');
    const persons = event('e1');
    const links = [linkOf(synced, persons, 'external')];

    const { actions } = planRemap(
      planInput({
        state: { links },
        sched: { items: [], full: true },
        external: { items: [persons], full: true },
      }),
      new Map([['b-old', { ...synced, status: 'cancelled' as const }]]),
    );

    expect(actions).toEqual([
      { type: 'unlink', link: { bookingId: 'b-old', eventId: 'e1' }, reason: 'remap' },
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        counterpart: expect.objectContaining({ id: 'e1' }),
      }),
    ]);
  });
});
