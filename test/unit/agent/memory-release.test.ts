import { describe, expect, it } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { MemoryRelease, releaseAboveBytes, v8Collector } from '../../../main/agent/memory-release';

const MB = 1024 * 1024;

/** A heap whose committed size the test sets; a collection brings it down to `live`. */
function fakeHeap(start: number) {
  const heap = { committed: start, live: start, collections: 0 };
  const logged: Record<string, unknown>[] = [];
  const release = new MemoryRelease({
    heapBytes: () => heap.committed,
    collect: () => {
      heap.collections += 1;
      heap.committed = heap.live;
    },
    log: (line) => logged.push(line),
  });
  return { heap, release, logged };
}

describe('giving a burst of runs memory back', () => {
  it('collects once the runs go idle with the heap grown past the mark, and logs both sizes', () => {
    const { heap, release, logged } = fakeHeap(30 * MB);
    heap.committed = 52 * MB;
    heap.live = 31 * MB;

    release.afterRuns();

    expect(heap.collections).toBe(1);
    expect(logged).toEqual([
      { msg: 'memory released', heap_mb_before: 52, heap_mb_after: 31, ms: expect.any(Number) },
    ]);
  });

  it('costs a lone scheduled run nothing: a heap grown by less than the mark is left to V8', () => {
    const { heap, release, logged } = fakeHeap(30 * MB);
    heap.committed = 30 * MB + releaseAboveBytes;

    release.afterRuns();

    expect(heap.collections).toBe(0);
    expect(logged).toEqual([]);
  });

  it('measures the growth from the heap the last release left', () => {
    const { heap, release } = fakeHeap(30 * MB);
    heap.committed = 60 * MB;
    heap.live = 40 * MB;
    release.afterRuns();

    heap.committed = 46 * MB;
    release.afterRuns();
    heap.committed = 49 * MB;
    release.afterRuns();

    expect(heap.collections).toBe(2);
  });

  it("V8's collection gives the pages of garbage back to the system", () => {
    const collect = v8Collector();
    let garbage: { n: number; s: string }[] | null = Array.from({ length: 1_500_000 }, (_, n) => ({
      n,
      s: `item ${n}`,
    }));
    const withGarbage = getHeapStatistics().total_heap_size;
    expect(garbage.length).toBe(1_500_000);
    garbage = null;

    collect();

    expect(garbage).toBeNull();
    expect(getHeapStatistics().total_heap_size).toBeLessThan(withGarbage - 60 * MB);
  });
});
