/**
 * The agent model's harness cleans up after itself: a story that breaks, or one cut short (a timeout while
 * fast-check shrinks), leaves no folder behind in the temp dir.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { playStory } from './harness';
import type { Step } from './steps';
import { AgentWorld, removeLeftoverWorlds } from './world';

describe('the agent model harness', () => {
  const saved = process.env.TMPDIR;
  let temp = '';
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'harness-'));
    process.env.TMPDIR = temp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(temp, { recursive: true, force: true });
  });

  it('removes the folder of a story whose step throws', async () => {
    // A calendar number the generator never makes: the step itself fails, not a check.
    const broken = { kind: 'connect', calendar: Number.NaN, resource: 0, settings: {} } as unknown as Step;
    await expect(playStory([broken])).rejects.toThrow();
    expect(readdirSync(temp)).toEqual([]);
  });

  it('removes the folder of a story cut short before its world was disposed', async () => {
    const world = await AgentWorld.create();
    expect(readdirSync(temp)).toHaveLength(1);
    removeLeftoverWorlds();
    expect(readdirSync(temp)).toEqual([]);
    await world.dispose();
  });
});
