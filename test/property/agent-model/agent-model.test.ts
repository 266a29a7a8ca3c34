import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectStoryHolds } from './harness';
import { storyArb } from './steps';

/** Stories per run: 200 in CI on its fixed seed; `npm run test:deep` asks for thousands on random seeds. */
const numRuns = Number(process.env.AGENT_MODEL_RUNS ?? 200);

describe('the whole agent over random stories of people, time, settings, crashes and sign-ins', () => {
  it(
    `keeps every invariant a person relies on (${numRuns} stories)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(storyArb, (steps) => expectStoryHolds(steps)),
        { numRuns },
      );
    },
    Math.max(120_000, numRuns * 600),
  );
});
