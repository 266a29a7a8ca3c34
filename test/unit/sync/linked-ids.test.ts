import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkedIds } from '../../../main/sync/linked-ids';

describe('LinkedIds', () => {
  it('knows the linked ids of the read and the linked ids beyond it', () => {
    const read = new Set(['b1', 'b2']);
    const linked = new LinkedIds((id) => read.has(id));

    linked.add('b1').add('b9');

    expect([linked.has('b1'), linked.has('b2'), linked.has('b9'), linked.has('b7')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('still knows an id added after it was first asked about ids beyond the read', () => {
    const linked = new LinkedIds(() => false);
    linked.add('b1');

    expect(linked.has('b2')).toBe(false);
    linked.add('b2');

    expect(linked.has('b2')).toBe(true);
    expect(linked.size).toBe(2);
  });

  it('answers every question as a Set of the same ids would, in the same order', () => {
    const id = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f');
    const step = fc.oneof(fc.record({ add: id }), fc.record({ ask: id }));
    fc.assert(
      fc.property(fc.uniqueArray(id), fc.array(step), (inRead, steps) => {
        const linked = new LinkedIds((candidate) => inRead.includes(candidate));
        const expected = new Set<string>();
        for (const next of steps) {
          if ('add' in next) {
            linked.add(next.add);
            expected.add(next.add);
          } else expect(linked.has(next.ask)).toBe(expected.has(next.ask));
        }
        expect([...linked]).toEqual([...expected]);
        expect(linked.size).toBe(expected.size);
      }),
    );
  });
});
