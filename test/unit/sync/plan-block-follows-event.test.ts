import { describe, expect, it } from 'vitest';
import { exceptionItemId, plan } from '../../../main/sync';
import { booking, edited, event, linkOf, london, planInput, settings } from './fixtures';

const source = { calendarService: 'google' as const, calendarId: 'room-a@example.com', eventId: 'e1' };
const dentist = event('e1', { title: 'Dentist' });
const block = booking(exceptionItemId('x1'), { title: 'Unavailable: Dentist', source });
const link = linkOf(block, dentist, 'external');
const movedBlock = edited(block, { start: london('2025-03-12T14:00'), end: london('2025-03-12T15:00') });
const movedEvent = edited(dentist, { start: london('2025-03-13T10:00'), end: london('2025-03-13T11:00') });

describe("plan: a busy block made from a person's event never writes onto that event", () => {
  it('two-way: a block moved in Sched goes back to its event, under every conflict rule', () => {
    for (const conflict_resolution of ['prefer-sched', 'newest', 'manual'] as const) {
      const result = plan(
        planInput({
          settings: settings({ inbound_as: 'busy', conflict_resolution }),
          state: { links: [link] },
          sched: { items: [movedBlock] },
          external: { items: [] },
        }),
      );
      expect(result.actions.filter((a) => a.type !== 'link')).toEqual([
        expect.objectContaining({ type: 'update', side: 'sched', id: block.id }),
      ]);
    }
  });

  it('sched-to-external: the person moves her event and nothing is written to it', () => {
    const result = plan(
      planInput({
        settings: settings({ inbound_as: 'busy', direction: 'sched-to-external' }),
        state: { links: [link] },
        sched: { items: [] },
        external: { items: [movedEvent] },
      }),
    );
    expect(result.actions.filter((a) => 'side' in a && a.side === 'external')).toEqual([]);
  });

  it('sched-to-external: the person deletes her event, and the block goes with it instead of making the event again', () => {
    const result = plan(
      planInput({
        settings: settings({ inbound_as: 'busy', direction: 'sched-to-external' }),
        state: { links: [link] },
        sched: { items: [] },
        external: { items: [], deleted: [dentist.id] },
      }),
    );
    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'sched', id: block.id }),
    ]);
  });

  it('two-way: a block cancelled in Sched while its event is busy is made again, and the event is left alone', () => {
    for (const conflict_resolution of ['prefer-sched', 'newest', 'manual'] as const) {
      const result = plan(
        planInput({
          settings: settings({ inbound_as: 'busy', conflict_resolution }),
          state: { links: [link] },
          sched: { items: [{ ...block, status: 'cancelled' }] },
          external: { items: [] },
        }),
      );
      expect(result.actions).toEqual([
        expect.objectContaining({
          type: 'create',
          side: 'sched',
          counterpart: expect.objectContaining({ id: 'e1' }),
        }),
      ]);
    }
  });
});
