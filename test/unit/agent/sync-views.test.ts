import { describe, expect, it } from 'vitest';
import { conflictView, outcomeMessage } from '../../../main/agent/sync-views';
import type { Conflict } from '../../../main/store/conflict-repo';

const fields = (title: string, location: string) => ({
  title,
  description: '',
  location,
  start: { kind: 'instant', utc: '2026-12-01T09:00:00.000Z', zone: 'Europe/London' },
  end: { kind: 'instant', utc: '2026-12-01T10:00:00.000Z', zone: 'Europe/London' },
});

const conflict = (overrides: Partial<Conflict> = {}): Conflict => ({
  id: 7,
  connectionId: 'room@example.com',
  linkId: 1,
  bookingId: 'b1',
  eventId: 'e1',
  kind: 'edit',
  schedVersion: { id: 'b1', deleted: false, fields: fields('Stand-up (moved)', '') },
  externalVersion: { id: 'e1', deleted: false, fields: fields('Stand-up (slides)', 'Room 4') },
  runId: 'r1',
  createdAt: '2026-11-24T10:00:00.000Z',
  resolvedAt: null,
  resolution: null,
  ...overrides,
});

describe('conflictView', () => {
  it('shows both versions and the fields that differ, never the location Sched cannot hold', () => {
    const view = conflictView(conflict(), 'two-way');

    expect(view).toMatchObject({ id: '7', calendar_id: 'room@example.com', kind: 'edit' });
    expect(view.sched?.title).toBe('Stand-up (moved)');
    expect(view.external?.location).toBe('Room 4');
    expect(view.differences.map((d) => d.field)).toEqual(['title']);
  });

  it('shows a deleted side as deleted', () => {
    const view = conflictView(
      conflict({ externalVersion: { id: 'e1', deleted: true, fields: fields('Stand-up', '') } }),
      'two-way',
    );

    expect(view.external?.deleted).toBe(true);
  });

  it('copes with a version it cannot read (an overlap without a booking)', () => {
    const view = conflictView(conflict({ kind: 'overlap', schedVersion: null }), 'two-way');

    expect(view.sched).toBeNull();
    expect(view.differences).toEqual([]);
  });

  it('offers only the choices that write where the direction may write', () => {
    const moved = conflict({ kind: 'overlap' });
    const choices = (c: Conflict, direction: 'two-way' | 'sched-to-external' | 'external-to-sched') =>
      conflictView(c, direction).choices;

    expect(choices(conflict(), 'two-way')).toEqual(['keep-sched', 'keep-external']);
    expect(choices(conflict(), 'external-to-sched')).toEqual(['keep-external']);
    expect(choices(conflict(), 'sched-to-external')).toEqual(['keep-sched']);
    expect(choices(moved, 'external-to-sched')).toEqual(['import-anyway', 'skip']);
    expect(choices(moved, 'sched-to-external')).toEqual(['skip', 'keep-sched']);
  });
});

describe('outcomeMessage', () => {
  it('says in words which version was kept, naming the item', () => {
    expect(outcomeMessage(conflictView(conflict(), 'two-way'), 'keep-external')).toBe(
      "Kept the calendar's version of “Stand-up (moved)”.",
    );
    expect(outcomeMessage(conflictView(conflict(), 'two-way'), 'keep-sched')).toBe(
      "Kept Sched's version of “Stand-up (moved)”.",
    );
  });

  it("names a double booking's event, and a moved event going back", () => {
    const overlap = conflictView(conflict({ kind: 'overlap' }), 'two-way');

    expect(outcomeMessage(overlap, 'skip')).toBe(
      'Skipped “Stand-up (slides)”; it will not be asked about again.',
    );
    expect(outcomeMessage(overlap, 'keep-sched')).toBe(
      "Moved “Stand-up (slides)” back to its booking's time.",
    );
  });
});
