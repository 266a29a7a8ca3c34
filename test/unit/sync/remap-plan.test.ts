import { describe, expect, it } from 'vitest';
import { planRemap } from '../../../main/sync';
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
      'r1',
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
      'r1',
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

  it('keys its creates after the remap, the same on every retry', () => {
    const input = planInput({
      sched: { items: [booking('b-new')], full: true },
      external: { items: [], full: true },
    });

    const first = planRemap(input, 'r1').actions[0];
    const again = planRemap(input, 'r1').actions[0];

    expect(first).toMatchObject({ type: 'create', idempotencyKey: expect.stringMatching(/:remap:r1$/) });
    expect(again).toEqual(first);
  });

  it('keys a calendar copy for the remap only when its first key may have been used (known to be, linked before, or history unknown); a booking keeps its first key', () => {
    const mine = event('e-mine');
    const input = planInput({
      // The old pairing booked e-mine; that booking is gone, so the remap books the event again on the new resource.
      state: { links: [linkOf(booking('b-gone'), mine, 'external')] },
      sched: { items: [booking('b-new'), booking('b-used')], full: true },
      external: { items: [mine], full: true },
    });
    const keyOf = (keyUsed: ((key: string) => boolean) | null, counterpart: string) =>
      planRemap(input, 'r1', new Map([['b-gone', null]]), null, keyUsed).actions.find(
        (a) => a.type === 'create' && a.counterpart.id === counterpart,
      );
    const used = (key: string) => key.includes('b-used');

    expect(keyOf(used, 'b-new')).toMatchObject({ idempotencyKey: expect.not.stringMatching(/:remap:/) });
    expect(keyOf(used, 'b-used')).toMatchObject({ idempotencyKey: expect.stringMatching(/:remap:r1$/) });
    // Sched refuses the first key, which the old resource's booking used, and the run looks for the copy (keySpent).
    expect(keyOf(used, 'e-mine')).toMatchObject({ idempotencyKey: expect.not.stringMatching(/:remap:/) });
    expect(keyOf(null, 'e-mine')).toMatchObject({ idempotencyKey: expect.not.stringMatching(/:remap:/) });
    expect(keyOf(null, 'b-new')).toMatchObject({ idempotencyKey: expect.stringMatching(/:remap:r1$/) });
  });

  it('moves a booking edited on the old resource since the last run against its current version, and copies the edit', () => {
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
      'r1',
      new Map([['b-old', edited]]),
    );

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
      'r1',
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
