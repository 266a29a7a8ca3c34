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
import type { SyncItem } from '../../../main/sync';

// A story a timeout cut short never reaches its `finally`: its folder goes when the file's tests end.
afterAll(removeLeftoverWorlds);

/** What a played story left: the log of each step and the broken checks (empty when the story held). */
export interface StoryResult {
  log: string[];
  violations: string[];
}

/** Failure kinds to look past, e.g. `AGENT_MODEL_IGNORE=uninvited-run,coverage` while hunting for other bugs. */
const ignoredByEnv = new Set((process.env.AGENT_MODEL_IGNORE ?? '').split(',').filter(Boolean));

/**
 * Remembers each booking its calendar holds as the agent's copy: it names its event as `source` while that event is
 * tagged as the booking's copy, or that event is gone and the calendar holds a copy of the booking instead (a later
 * outbound pairing copied it). A remap leaves such a booking on its resource (SYNC.md, "Changing a connection").
 */
function noteRemadeFromCopies(world: AgentWorld, model: Model): void {
  const live = world.liveItems('external');
  const events = new Map(live.map(({ item }) => [item.id, item]));
  const copied = (booking: SyncItem, calendarId: string) =>
    live.some(({ where, item }) => where === calendarId && item.tags?.bookingId === booking.id);
  for (const { item: booking } of world.liveItems('sched')) {
    if (!booking.source) continue;
    const event = events.get(booking.source.eventId);
    if (event ? event.tags?.bookingId === booking.id : copied(booking, booking.source.calendarId))
      model.remadeFromCopies.add(booking.id);
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
