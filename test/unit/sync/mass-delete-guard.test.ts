import { describe, expect, it } from 'vitest';
import type { Link, SyncItem } from '../../../main/sync';
import { checkMassDelete, deleteLimit, plan } from '../../../main/sync';
import { booking, edited, event, linkOf, london, planInput } from './fixtures';

function linkedPairs(count: number): { bookings: SyncItem[]; events: SyncItem[]; links: Link[] } {
  const bookings: SyncItem[] = [];
  const events: SyncItem[] = [];
  for (let index = 0; index < count; index += 1) {
    const hour = String(8 + (index % 10)).padStart(2, '0');
    const day = String(11 + Math.floor(index / 10)).padStart(2, '0');
    const times = { start: london(`2025-03-${day}T${hour}:00`), end: london(`2025-03-${day}T${hour}:30`) };
    bookings.push(booking(`b${index}`, times));
    events.push(event(`e${index}`, { ...times, title: `Booking b${index}` }));
  }
  return { bookings, events, links: bookings.map((b, index) => linkOf(b, events[index] as SyncItem)) };
}

function cancelFirst(count: number, total: number) {
  const { bookings, links } = linkedPairs(total);
  const cancelled = bookings.slice(0, count).map((b) => edited(b, { status: 'cancelled' }));
  return plan(planInput({ state: { links }, sched: { items: cancelled } }));
}

describe('mass-delete guard', () => {
  it('allows up to max(5, 25%) deletions per side', () => {
    expect(deleteLimit(4)).toBe(5);
    expect(deleteLimit(20)).toBe(5);
    expect(deleteLimit(40)).toBe(10);
  });

  it('lets exactly 5 deletions of 12 links through and stops 6', () => {
    expect(cancelFirst(5, 12).guard.verdict).toBe('ok');
    expect(cancelFirst(6, 12).guard).toMatchObject({
      verdict: 'needs_review',
      deletes: { sched: 0, external: 6 },
    });
  });

  it('lets exactly 25% of 40 links through and stops one more', () => {
    expect(cancelFirst(10, 40).guard.verdict).toBe('ok');
    expect(cancelFirst(11, 40).guard.verdict).toBe('needs_review');
  });

  it('still lists every planned action when it stops a run, so the review can show them', () => {
    const stopped = cancelFirst(6, 12);

    expect(stopped.counts.delete.external).toBe(6);
    expect(stopped.guard.reasons[0]).toContain('6');
  });

  it('stops a run whose full read of one side is empty while 5 or more links exist', () => {
    const { bookings, links } = linkedPairs(5);

    const result = plan(
      planInput({
        state: { links },
        sched: { items: bookings, full: true },
        external: { items: [], full: true },
      }),
    );

    expect(result.guard.verdict).toBe('needs_review');
    expect(result.guard.reasons.some((reason) => reason.includes('listed no items'))).toBe(true);
  });

  it('lets an empty side through while fewer than 5 links exist', () => {
    const { bookings, links } = linkedPairs(4);

    const result = plan(
      planInput({
        state: { links },
        sched: { items: bookings, full: true },
        external: { items: [], full: true },
      }),
    );

    expect(result.guard.verdict).toBe('ok');
    expect(result.counts.delete.sched).toBe(4);
  });

  it('applies after the person reviewed and approved', () => {
    const { bookings, links } = linkedPairs(12);
    const cancelled = bookings.slice(0, 6).map((b) => edited(b, { status: 'cancelled' }));

    const result = plan(planInput({ state: { links }, sched: { items: cancelled }, reviewApproved: true }));

    expect(result.guard.verdict).toBe('approved');
  });

  it('counts each side on its own', () => {
    const verdict = checkMassDelete({
      actions: [],
      linkCount: 100,
      emptySides: [],
    });

    expect(verdict).toEqual({
      verdict: 'ok',
      reasons: [],
      deletes: { sched: 0, external: 0 },
      limit: 25,
      links: 100,
    });
  });
});
