/**
 * Plays a story against a fresh world and checks the invariants after every step; ends at the first step that
 * breaks one, with the story so far, what each step did and the broken checks, so a failure reads as a bug report.
 */
import { appendFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { applyStep } from './commands';
import { checkHolds } from './hold-steps';
import { checkDuplicates, checkProvenance, checkSchedStatus } from './invariants';
import { Model } from './model';
import { describe, type Step } from './steps';
import { AgentWorld, removeLeftoverWorlds } from './world';

// A story a timeout cut short never reaches its `finally`: its folder goes when the file's tests end.
afterAll(removeLeftoverWorlds);

/** What a played story left: the log of each step and the broken checks (empty when the story held). */
export interface StoryResult {
  log: string[];
  violations: string[];
}

/** Failure kinds to look past, e.g. `AGENT_MODEL_IGNORE=uninvited-run,coverage` while hunting for other bugs. */
const ignoredByEnv = new Set((process.env.AGENT_MODEL_IGNORE ?? '').split(',').filter(Boolean));

/** Remembers each booking that names its event as `source` while that event is tagged as the booking's copy. */
function noteRemadeFromCopies(world: AgentWorld, model: Model): void {
  const events = new Map(world.liveItems('external').map(({ item }) => [item.id, item]));
  for (const { item: booking } of world.liveItems('sched')) {
    const event = booking.source ? events.get(booking.source.eventId) : undefined;
    if (event?.tags?.bookingId === booking.id) model.remadeFromCopies.add(booking.id);
  }
}

/** Plays `steps`, then quiet runs, checking after each. */
export async function playStory(
  steps: readonly Step[],
  ignored: ReadonlySet<string> = ignoredByEnv,
): Promise<StoryResult> {
  if (process.env.AGENT_MODEL_TRACE) appendFileSync(process.env.AGENT_MODEL_TRACE, '--- story\n');
  const world = await AgentWorld.create();
  const model = new Model(ignored);
  const log: string[] = [];
  try {
    for (const [i, step] of [...steps, { kind: 'settle' as const }].entries()) {
      if (process.env.AGENT_MODEL_TRACE)
        appendFileSync(process.env.AGENT_MODEL_TRACE, `${i + 1}. ${describe(step)}\n`);
      // A remap first finishes what a crashed run of the old resource left (docs/sync-rules.md): a step's writers are
      // the connections as they stood when it began as well as after.
      const began = (await world.agent.list()).calendars;
      let note = await applyStep(world, model, step);
      if (world.crashed) {
        await world.restart();
        note += ' — crashed; the app starts again';
      }
      noteRemadeFromCopies(world, model);
      const connections = (await world.agent.list()).calendars;
      checkDuplicates(world, model, false);
      checkProvenance(world, model, [...began, ...connections], step.kind === 'undo');
      checkSchedStatus(world, model, connections);
      await checkHolds(world, model, step);
      log.push(`${String(i + 1).padStart(2)}. ${describe(step)} → ${note}`);
      if (process.env.AGENT_MODEL_TRACE) appendFileSync(process.env.AGENT_MODEL_TRACE, `   → ${note}\n`);
      if (model.violations.length > 0) break;
    }
  } finally {
    await world.dispose();
  }
  return { log, violations: model.violations };
}

/** Plays a story and throws, with the story and its broken checks, if any check broke. */
export async function expectStoryHolds(
  steps: readonly Step[],
  ignored: ReadonlySet<string> = ignoredByEnv,
): Promise<void> {
  const { log, violations } = await playStory(steps, ignored);
  if (violations.length > 0) {
    throw new Error(
      `The story breaks what a person relies on:\n${log.join('\n')}\n✗ ${violations.join('\n✗ ')}`,
    );
  }
}
