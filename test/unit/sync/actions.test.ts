import { describe, expect, it } from 'vitest';
import type { CreateAction, UpdateAction } from '../../../main/sync';
import { contentHash, keyOf, linkAfterWrite, linkSideOf } from '../../../main/sync';
import { booking, event } from './fixtures';

describe('linkAfterWrite', () => {
  it('links a created event to the booking it copies, remembering what the calendar returned', () => {
    const source = booking('b1');
    const create: CreateAction = {
      type: 'create',
      side: 'external',
      fields: source,
      idempotencyKey: 'conn-1:external:b1',
      counterpart: linkSideOf(source),
      reason: 'new',
    };
    const returned = event('e9', { title: source.title, version: 'etag-7' });

    const link = linkAfterWrite(create, returned);

    expect(link).toEqual({
      sched: linkSideOf(source),
      external: expect.objectContaining({ id: 'e9', version: 'etag-7', hash: contentHash(returned) }),
      origin: 'sched',
    });
    expect(keyOf(link)).toEqual({ bookingId: 'b1', eventId: 'e9' });
  });

  it('keeps the origin of an updated link and stores the new booking version', () => {
    const e = event('e1');
    const b = booking('b1');
    const update: UpdateAction = {
      type: 'update',
      side: 'sched',
      id: 'b1',
      ifMatch: 'b1-v1',
      fields: e,
      before: b,
      counterpart: linkSideOf(e),
      origin: 'external',
      link: { bookingId: 'b1', eventId: 'e1' },
      reason: 'changed',
    };

    const link = linkAfterWrite(update, { ...b, title: e.title, version: 'b1-v2' });

    expect(link.origin).toBe('external');
    expect(link.sched).toMatchObject({ id: 'b1', version: 'b1-v2', fields: { title: e.title } });
  });
});
