import { describe, expect, it } from 'vitest';
import { agentHeapFlags, tuneAgentHeap } from '../../../main/cli/agent-heap';

describe('the headless agent heap', () => {
  it('asks V8 to keep the heap small and grow it by half its live size at a time', () => {
    const set: string[] = [];

    tuneAgentHeap((flag) => set.push(flag));

    expect(set).toEqual(['--optimize-for-size', '--heap-growing-percent=50']);
  });

  it('never caps the heap, so a large account cannot end the agent out of memory', () => {
    expect(agentHeapFlags.filter((flag) => /max-old-space|max-heap-size|max-semi-space/.test(flag))).toEqual(
      [],
    );
  });
});
