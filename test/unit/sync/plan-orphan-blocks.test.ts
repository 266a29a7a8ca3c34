import { describe, expect, it } from 'vitest';
import { exceptionItemId, plan } from '../../../main/sync';
import { booking, event, planInput, settings } from './fixtures';

const source = { calendarService: 'google' as const, calendarId: 'room-a@example.com', eventId: 'e1' };
const block = booking(exceptionItemId('x1'), { source });
const busy = settings({ inbound_as: 'busy' });

describe('plan: a busy block whose event is gone and which has no link (a lost state DB)', () => {
  it('is cancelled when a full read of the calendar no longer shows its event', () => {
    const result = plan(
      planInput({
        settings: busy,
        sched: { items: [block], full: true },
        external: { items: [], full: true },
      }),
    );
    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'sched', id: block.id, ifMatch: block.version }),
    ]);
  });

  it('is cancelled when its event is free time now', () => {
    const free = event('e1', { availability: 'free' });
    const result = plan(
      planInput({
        settings: busy,
        sched: { items: [block], full: true },
        external: { items: [free], full: true },
      }),
    );
    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'sched', id: block.id }),
    ]);
  });

  it('stays when the read was not a full one, or the direction never writes Sched', () => {
    const incremental = planInput({
      settings: busy,
      sched: { items: [block], full: true },
      external: { items: [] },
    });
    const oneWay = planInput({
      settings: settings({ inbound_as: 'busy', direction: 'sched-to-external' }),
      sched: { items: [block], full: true },
      external: { items: [], full: true },
    });
    expect(plan(incremental).actions.filter((a) => a.type === 'delete')).toEqual([]);
    expect(plan(oneWay).actions.filter((a) => a.type === 'delete')).toEqual([]);
  });

  it('stays when it came from another calendar', () => {
    const other = booking(exceptionItemId('x2'), { source: { ...source, calendarId: 'other@example.com' } });
    const result = plan(
      planInput({
        settings: busy,
        sched: { items: [other], full: true },
        external: { items: [], full: true },
      }),
    );
    expect(result.actions.filter((a) => a.type === 'delete')).toEqual([]);
  });
});
