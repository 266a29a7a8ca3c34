/**
 * Gives the memory of a burst of runs back as soon as the runs go idle (issue 11, BENCHMARKS.md "Memory"). A sync of
 * many calendars leaves the V8 heap committed well past what is live (the reads and plans of every run, garbage once
 * they end), and V8's memory reducer hands those pages back only after some seconds of quiet. When the last run
 * going ends and the heap holds more than `releaseAboveBytes` beyond what it held after the last release, the agent
 * asks V8 for its most thorough collection (the one V8 makes before it would run out of memory: every collection
 * it can, the young generation shrunk, the free pages unmapped). A lone idle run allocates too little to pass that
 * mark, so the schedule's runs cost no extra collections.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How much the committed heap must have grown since the last release before the next one. */
export const releaseAboveBytes = 8 * 1024 * 1024;

export interface MemoryReleaseDeps {
  /** The heap's committed size in bytes (V8's `total_heap_size`). */
  heapBytes(): number;
  /** A collection that gives the free pages back. */
  collect(): void;
  log?: (line: Record<string, unknown>) => void;
}

const mb = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

/** Decides, each time the runs go idle, whether the heap is worth a release. */
export class MemoryRelease {
  private baseline: number;

  constructor(private readonly deps: MemoryReleaseDeps) {
    this.baseline = deps.heapBytes();
  }

  /** Called when the last run going ended (the scheduler's `onIdle`). */
  afterRuns(): void {
    const before = this.deps.heapBytes();
    if (before - this.baseline <= releaseAboveBytes) return;
    const started = performance.now();
    this.deps.collect();
    this.baseline = this.deps.heapBytes();
    this.deps.log?.({
      msg: 'memory released',
      heap_mb_before: mb(before),
      heap_mb_after: mb(this.baseline),
      ms: Math.round(performance.now() - started),
    });
  }
}

/**
 * V8's own collector, reached through a fresh context once `--expose-gc` is set (the agent's global object never
 * gets a `gc`). Asked for the "last resort" kind; a V8 that does not know that option makes a full collection.
 */
export function v8Collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: Record<string, string>) => void;
  return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * What the headless agent and the desktop app both do: V8's heap figures and collector, a release each time the
 * runs go idle (`onRunsIdle`, the sync service's). Returns the unsubscribe.
 */
export function releaseMemoryWhenIdle(
  sync: { onRunsIdle(listener: () => void): () => void },
  log?: MemoryReleaseDeps['log'],
): () => void {
  const release = new MemoryRelease({
    heapBytes: () => getHeapStatistics().total_heap_size,
    collect: v8Collector(),
    ...(log ? { log } : {}),
  });
  return sync.onRunsIdle(() => release.afterRuns());
}
