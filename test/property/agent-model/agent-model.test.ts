import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectStoryHolds } from './harness';
import { storyArbWithout } from './steps';

/** Stories per run: 200 in CI on its fixed seed; `npm run test:deep` asks for thousands on random seeds. */
const numRuns = Number(process.env.AGENT_MODEL_RUNS ?? 200);

/**
 * Known bugs the model found on main (2026-12-01, filed from the merge report), left out so that the property keeps
 * guarding everything else; delete an entry with its fix. `AGENT_MODEL_KNOWN=off` plays every story and check.
 * - step kinds: `remap` (an old booking edited after a remap never moves), `undo` (an undone copy a person had already
 *   deleted);
 * - checks: `stale-copy` (an event keeps the tag of a cancelled booking).
 */
const known = process.env.AGENT_MODEL_KNOWN !== 'off';
const knownSteps = new Set(known ? ['remap', 'undo'] : []);
const knownChecks = new Set(known ? ['stale-copy'] : []);
const envWithout = (process.env.AGENT_MODEL_WITHOUT ?? '').split(',').filter(Boolean);
const envIgnore = (process.env.AGENT_MODEL_IGNORE ?? '').split(',').filter(Boolean);

describe('the whole agent over random stories of people, time, settings, crashes and sign-ins', () => {
  it(
    `keeps every invariant a person relies on (${numRuns} stories)`,
    async () => {
      const ignored = new Set([...knownChecks, ...envIgnore]);
      await fc.assert(
        fc.asyncProperty(storyArbWithout(new Set([...knownSteps, ...envWithout])), (steps) =>
          expectStoryHolds(steps, ignored),
        ),
        { numRuns },
      );
    },
    Math.max(120_000, numRuns * 600),
  );
});
