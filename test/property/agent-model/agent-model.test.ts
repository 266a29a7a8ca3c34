import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectStoryHolds } from './harness';
import { storyArbWithout } from './steps';

/** Stories per run: 200 in CI on its fixed seed; `npm run test:deep` asks for thousands on random seeds. */
const numRuns = Number(process.env.AGENT_MODEL_RUNS ?? 200);

/**
 * Known bugs the model found on main (2026-12-01, filed from the merge report), left out so that the property keeps
 * guarding everything else; delete an entry with its fix. `AGENT_MODEL_KNOWN=off` plays every story and check.
 * - step kinds: `lose-state` (Sched's status and the resync after a lost state DB), `setting` (a booking is not
 *   copied after external-to-sched becomes two-way);
 * - checks: `second-run-requests` (an open overlap is written again on every idle run), `preview` (a preview after a
 *   crash misses the replayed writes).
 */
const known = process.env.AGENT_MODEL_KNOWN !== 'off';
const knownSteps = new Set(known ? ['lose-state', 'setting'] : []);
const knownChecks = new Set(known ? ['second-run-requests', 'preview'] : []);
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
