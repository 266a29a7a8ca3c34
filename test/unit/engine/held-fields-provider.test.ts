import { describe, expect, it } from 'vitest';
import { HeldFieldsProvider } from '../../../main/engine/held-fields-provider';
import { MemoryProvider } from '../../fakes/memory-provider';
import { slot } from './world';

const clock = () => '2025-03-10T12:00:00.000Z';

describe('HeldFieldsProvider', () => {
  it('holds what its port says the side holds: Sched no location, a calendar one, a Sched that says so one', () => {
    const sched = new HeldFieldsProvider(new MemoryProvider({ side: 'sched', clock }));
    const calendar = new HeldFieldsProvider(new MemoryProvider({ side: 'external', clock }));
    const saysSo = new HeldFieldsProvider(
      new MemoryProvider({ side: 'sched', clock, capabilities: { storesLocation: true } }),
    );

    expect(sched.capabilities).toEqual({ storesLocation: false });
    expect(calendar.capabilities).toEqual({ storesLocation: true });
    expect(saysSo.capabilities).toEqual({ storesLocation: true });
  });

  it('returns Sched items without a location from every read and write', async () => {
    const inner = new MemoryProvider({ side: 'sched', clock });
    const held = new HeldFieldsProvider(inner);
    const stale = inner.add(slot('Dentist', 12, 10, { location: 'Room 4' }));

    const created = await held.create({
      fields: slot('Physio', 14, 10, { location: 'Room 5' }),
      idempotencyKey: 'k1',
    });
    const read = await held.get(stale.id);
    const listed = await held.listChanges({
      cursor: null,
      window: { start: '2025-03-01T00:00:00Z', end: '2025-04-01T00:00:00Z' },
    });

    expect(created.location).toBe('');
    expect(read?.location).toBe('');
    expect(listed.items.map((item) => [item.title, item.location])).toEqual([
      ['Dentist', ''],
      ['Physio', ''],
    ]);
  });
});
