import { describe, expect, it } from 'vitest';
import { capabilitiesOfProvider, HeldFieldsProvider } from '../../../main/engine/held-fields-provider';
import { MemoryProvider } from '../../../main/providers/memory';
import { slot } from './world';

const clock = () => '2025-03-10T12:00:00.000Z';

describe('HeldFieldsProvider', () => {
  it('takes Sched as holding no location and a calendar as holding one, unless the provider says otherwise', () => {
    const sched = new MemoryProvider({ side: 'sched', clock });
    const calendar = new MemoryProvider({ side: 'external', clock });
    const saysSo = Object.assign(new MemoryProvider({ side: 'sched', clock }), { storesLocation: true });

    expect(capabilitiesOfProvider(sched)).toEqual({ storesLocation: false });
    expect(capabilitiesOfProvider(calendar)).toEqual({ storesLocation: true });
    expect(capabilitiesOfProvider(saysSo)).toEqual({ storesLocation: true });
  });

  it('returns Sched items without a location from every read and write', async () => {
    const inner = new MemoryProvider({ side: 'sched', clock });
    const held = new HeldFieldsProvider(inner, { storesLocation: false });
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
