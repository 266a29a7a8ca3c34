/**
 * `npm run bench`: speed and resource figures as one JSON document on stdout. Nothing here asserts a time: the
 * machines are shared and noisy, so figures are for comparing runs, not for pass or fail.
 */
import { benchPlan } from './plan-bench';
import { benchSync } from './sync-bench';

const figures = {
  node: process.version,
  date: new Date().toISOString(),
  plan: [1_000, 10_000].map(benchPlan),
  sync: await benchSync(Number(process.env.BENCH_BOOKINGS ?? 150)),
};
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.exit(0);
