/**
 * `npm run bench`: speed and request figures (issue 11). Progress goes to stderr; the last line on stdout is one
 * JSON object with every figure. Nothing here asserts a time: the machines are shared and noisy, so figures are for
 * comparing runs, not for pass or fail (request counts are asserted exactly in the tests).
 *
 * BENCH_N (bookings per first sync, default 200), BENCH_LATENCY_MS (added to every Google/Graph request, default
 * 100), BENCH_PLAN (largest planner size, default 100000).
 */
import { spawnSync } from 'node:child_process';
import { benchPlan } from './plan-bench';
import { benchSync } from './sync-bench';

const n = Number(process.env.BENCH_N ?? 200);
const latency = Number(process.env.BENCH_LATENCY_MS ?? 100);
const planMax = Number(process.env.BENCH_PLAN ?? 100_000);
const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** Milliseconds for a fresh Node to load the headless agent's modules (through tsx, so an upper bound). */
function startupMs(): number {
  const script = `const t=performance.now();await import('./main/cli/headless-agent.ts');console.log(performance.now()-t)`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return Math.round(Number(child.stdout.trim().split('\n').at(-1)));
}

say(`planner, 1,000 / 10,000 / ${planMax} links`);
benchPlan(1_000);
const plan10k = benchPlan(10_000).ms;
const planBig = benchPlan(planMax).ms;
say(`first sync of ${n} bookings to Google, ${latency} ms latency`);
const google = await benchSync('google', n, latency);
say(`first sync of ${n} bookings to Outlook, ${latency} ms latency`);
const microsoft = await benchSync('microsoft', n, latency);
say('agent module load');
const startup = startupMs();

const figures = {
  node: process.version,
  date: new Date().toISOString(),
  idle_requests: {
    sched: Math.max(google.idle.sched, microsoft.idle.sched),
    google: google.idle.calendar,
    microsoft: microsoft.idle.calendar,
    lower_bound: 1,
  },
  write_amplification: (google.created + microsoft.created) / (2 * n),
  echo_writes: google.echo_writes + microsoft.echo_writes,
  initial_sync: { google: google.initial, microsoft: microsoft.initial },
  quota: { '429s': google.refusals + microsoft.refusals, sustained_share: null },
  baseline: { naive_requests: null, our_requests: null, ratio: null },
  plan_ms: {
    '10000': plan10k,
    [String(planMax)]: planBig,
    ratio: Math.round((planBig / plan10k) * 100) / 100,
  },
  rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
  startup_ms: startup,
  propagation_ms: { p50: null, p95: null, schedule_ms: null },
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
