/**
 * Plays a story against a fresh world and checks the invariants after every step; ends at the first step that
 * breaks one, with the story so far, what each step did and the broken checks, so a failure reads as a bug report.
 */
import { applyStep, quietRuns } from './commands';
import { checkDuplicates, checkProvenance, checkSchedStatus } from './invariants';
import { Model } from './model';
import { describe, type Step } from './steps';
import { AgentWorld } from './world';

/** What a played story left: the log of each step and the broken checks (empty when the story held). */
export interface StoryResult {
  log: string[];
  violations: string[];
}

/** Plays `steps`, then quiet runs, checking after each. */
export async function playStory(steps: readonly Step[]): Promise<StoryResult> {
  const world = await AgentWorld.create();
  const model = new Model();
  const log: string[] = [];
  try {
    for (const [i, step] of [...steps, { kind: 'settle' as const }].entries()) {
      let note = await applyStep(world, model, step);
      if (world.crashed) {
        await world.restart();
        note += ' — crashed; the app starts again';
      }
      const connections = (await world.agent.list()).calendars;
      checkDuplicates(world, model, false);
      checkProvenance(world, model, connections, step.kind === 'undo');
      checkSchedStatus(world, model, connections);
      log.push(`${String(i + 1).padStart(2)}. ${describe(step)} → ${note}`);
      if (model.violations.length > 0) break;
    }
  } finally {
    await world.dispose();
  }
  return { log, violations: model.violations };
}

/** Plays a story and throws, with the story and its broken checks, if any check broke. */
export async function expectStoryHolds(steps: readonly Step[]): Promise<void> {
  const { log, violations } = await playStory(steps);
  if (violations.length > 0) {
    throw new Error(`The story breaks what a person relies on:\n${log.join('\n')}\n✗ ${violations.join('\n✗ ')}`);
  }
}

export { quietRuns };
