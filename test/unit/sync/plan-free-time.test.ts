import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sync';
import { booking, event, linkOf, planInput, settings } from './fixtures';

const free = (id: string) => event(id, { title: `Free ${id}`, availability: 'free' });

describe('plan: only busy time blocks (SYNC.md, "Availability")', () => {
  it.each(['two-way', 'external-to-sched'] as const)(
    '%s imports a busy event and never a free or declined one',
    (direction) => {
      const result = plan(
        planInput({
          settings: settings({ direction }),
          external: { items: [free('e-free'), event('e-busy', { availability: 'busy' }), event('e-plain')] },
        }),
      );

      const imported = result.actions.filter((a) => a.type === 'create' && a.side === 'sched');
      expect(imported.map((a) => a.type === 'create' && a.source?.eventId)).toEqual(['e-busy', 'e-plain']);
    },
  );

  it('cancels the booking of an event the calendar’s owner has since declined or set to free', () => {
    const b = booking('b1', { source: undefined });
    const e = event('e1');
    const result = plan(
      planInput({
        state: { links: [linkOf(b, e, 'external')] },
        external: { items: [{ ...e, version: 'e1-v2', availability: 'free' }] },
      }),
    );

    expect(result.actions).toEqual([expect.objectContaining({ type: 'delete', side: 'sched', id: 'b1' })]);
  });

  it('keeps syncing the agent’s own copy of a booking that a person set to free', () => {
    const b = booking('b1');
    const e = event('e1', { tags: { bookingId: 'b1', connectionId: 'conn-1' } });
    const result = plan(
      planInput({
        state: { links: [linkOf(b, e)] },
        external: { items: [{ ...e, version: 'e1-v2', availability: 'free' }] },
      }),
    );

    expect(result.actions.filter((a) => ['create', 'update', 'delete'].includes(a.type))).toEqual([]);
  });
});
