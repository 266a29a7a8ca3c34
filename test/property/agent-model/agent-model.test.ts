import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectStoryHolds } from './harness';
import { storyArbWithout } from './steps';

/** Stories per run: 200 in CI on its fixed seed; `npm run test:deep` asks for thousands on random seeds. */
const numRuns = Number(process.env.AGENT_MODEL_RUNS ?? 200);

/**
 * No known bug is left out today: every step kind and every check is played. To look past one bug for the next while
 * it is being fixed, AGENT_MODEL_WITHOUT=remap,undo leaves out step kinds and AGENT_MODEL_IGNORE=preview checks.
 */
const envWithout = (process.env.AGENT_MODEL_WITHOUT ?? '').split(',').filter(Boolean);
const envIgnore = (process.env.AGENT_MODEL_IGNORE ?? '').split(',').filter(Boolean);
/** A long `test:deep` run says how far it got: AGENT_MODEL_PROGRESS=file gets the count of stories played. */
const progressFile = process.env.AGENT_MODEL_PROGRESS;
/**
 * Outside CI (whose fixed seed test/setup/fast-check-seed.ts sets) and without FC_SEED, the run picks its own seed and
 * says it, so a run that passes can be replayed as well as one that fails.
 */
const seed =
  process.env.FC_SEED || process.env.CI ? undefined : Math.floor(Math.random() * 2 ** 32) - 2 ** 31;
let played = 0;
const note = () => {
  played += 1;
  const seedNote = seed === undefined ? '' : ` (seed ${seed})`;
  if (progressFile)
    writeFileSync(progressFile, `${played} stories played${seedNote}, ${new Date().toISOString()}\n`);
};

describe('the whole agent over random stories of people, time, settings, crashes and sign-ins', () => {
  it(
    `keeps every invariant a person relies on (${numRuns} stories)`,
    async () => {
      const ignored = new Set(envIgnore);
      await fc.assert(
        fc.asyncProperty(storyArbWithout(new Set(envWithout)), (steps) => {
          note();
          return expectStoryHolds(steps, ignored);
        }),
        { numRuns, ...(seed !== undefined ? { seed } : {}) },
      );
      if (seed !== undefined) console.log(`agent model: ${numRuns} stories passed on seed ${seed}`);
    },
    Math.max(120_000, numRuns * 600),
  );
});
