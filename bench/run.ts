/**
 * `npm run bench`: speed and request figures (issue 11). Progress goes to stderr; the last line on stdout is one
 * JSON object with every figure. Nothing here asserts a time: the machines are shared and noisy, so figures are for
 * comparing runs, not for pass or fail (request counts are asserted exactly in the tests).
 *
 * BENCH_N (bookings per first sync, default 200), BENCH_LATENCY_MS (added to every Google/Graph request, default
 * 100), BENCH_PLAN (largest planner size, default 100000).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { benchPlan } from './plan-bench';
import { benchSync } from './sync-bench';

const n = Number(process.env.BENCH_N ?? 200);
const latency = Number(process.env.BENCH_LATENCY_MS ?? 100);
const planMax = Number(process.env.BENCH_PLAN ?? 100_000);
const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

/**
 * Milliseconds for a fresh Node to load the headless agent's modules, and its RSS then: from the built bundle when
 * `npm run build` made one (what a person runs), else through tsx (slower: it compiles as it loads).
 */
function startup(): { ms: number; rss_mb: number; from: 'bundle' | 'tsx' } {
  const bundle = readdirSync('dist-electron', { withFileTypes: true })
    .map((entry) => entry.name)
    .find((name) => /^headless-agent-.*\.js$/.test(name));
  const target = bundle ? `./dist-electron/${bundle}` : './main/cli/headless-agent.ts';
  const script = `const t=performance.now();await import('${target}');console.log(JSON.stringify([performance.now()-t,process.memoryUsage().rss]))`;
  const args = [...(bundle ? [] : ['--import', 'tsx']), '--input-type=module', '-e', script];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const [ms, rss] = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[0,0]') as [number, number];
  return { ms: Math.round(ms), rss_mb: Math.round(rss / 1_048_576), from: bundle ? 'bundle' : 'tsx' };
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
const loaded = (() => {
  try {
    return startup();
  } catch {
    return { ms: null, rss_mb: null, from: 'none' };
  }
})();

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
  rss_mb: loaded.rss_mb,
  bench_process_rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
  startup_ms: loaded.ms,
  startup_from: loaded.from,
  propagation_ms: { p50: null, p95: null, schedule_ms: null },
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
