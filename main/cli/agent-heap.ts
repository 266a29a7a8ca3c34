/**
 * V8's heap settings for the long-running headless agent (issue 11, BENCHMARKS.md "Memory"). By default V8 lets the
 * heap grow up to four times its live size between full collections, so during a sync of 50 calendars the agent's
 * heap held about 190 MB, mostly garbage, while under 60 MB was live, and Linux kept those pages. With
 * `--optimize-for-size` V8 grows the heap by the smallest step (about a tenth of the live size) and collects sooner.
 * No limit is set: the heap may still grow to V8's own ceiling (a quarter of the memory, up to 4 GB), so a large
 * account costs collections, never an out-of-memory end. Set from inside the agent, so that `sched-sync agent`,
 * `npm run headless` and any other way of starting it get it without NODE_OPTIONS. Set once the process runs,
 * the flag changes how the old generation grows, not the young generation's size fixed at start, which keeps the
 * many short-lived objects of a sync cheap to collect (on the command line it also shrinks that: a 50-calendar sync
 * then made about 2,200 young collections instead of 800, for the same memory).
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 options the agent sets for itself; never a heap limit (see the file comment). */
export const agentHeapFlags = ['--optimize-for-size'] as const;

/** Applies `agentHeapFlags`; `set` is V8's own unless a test gives a stand-in. */
export function tuneAgentHeap(set: (flag: string) => void = setFlagsFromString): void {
  for (const flag of agentHeapFlags) set(flag);
}
