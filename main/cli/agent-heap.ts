/**
 * V8's heap settings for the long-running headless agent (issue 11, BENCHMARKS.md "Memory"). By default V8 lets the
 * heap grow up to four times its live size between full collections and keeps a large young generation, so during
 * a sync of 50 calendars the agent's heap reached about 190 MB, mostly garbage, while under 60 MB was live, and the
 * process kept those pages (RSS 383-401 MB). `--optimize-for-size` keeps the young generation small and collects
 * sooner; alone it grows the old generation by a tenth at a time, which made the planner's 100,000 links take 2.4
 * times its CPU in collections, so `--heap-growing-percent=50` sets the step to half the live size (planner CPU
 * 0-30 % over the default in paired runs; agent RSS after a 50x200 sync 162-182 MB, with optimize-for-size alone
 * 166-167).
 * No limit is set: the heap may still grow to V8's own ceiling (a quarter of the memory, at most 4 GB: 4 GB on this
 * machine's 23 GB), so a large account costs collections, never an out-of-memory end. Set from inside the agent,
 * once it is ready, so `sched-sync agent`, `npm run headless` and any other way of starting it get them without
 * NODE_OPTIONS. Set while the process runs they change how the heap grows, not the young generation's largest size
 * fixed at start: that one, and glibc's malloc arenas, the agent sets by starting itself again with them
 * (agent-start-options.ts), and a burst of runs gives its garbage back as soon as the runs go idle
 * (main/agent/memory-release.ts).
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 options the agent sets for itself; never a heap limit (see the file comment). */
export const agentHeapFlags = ['--optimize-for-size', '--heap-growing-percent=50'] as const;

/** Applies `agentHeapFlags`; `set` is V8's own unless a test gives a stand-in. */
export function tuneAgentHeap(set: (flag: string) => void = setFlagsFromString): void {
  for (const flag of agentHeapFlags) set(flag);
}
