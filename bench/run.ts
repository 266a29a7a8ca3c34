/**
 * `npm run bench`: speed and request figures (issue 11). Progress goes to stderr; the last line on stdout is one
 * JSON object with every figure. Nothing here asserts a time: the machines are shared and noisy, so figures are for
 * comparing runs, not for pass or fail (request counts are asserted exactly in the tests).
 *
 * BENCH_N (bookings per first sync, default 200), BENCH_LATENCY_MS (added to every Google/Graph request, default
 * 100), BENCH_PLAN (largest planner size, default 100000), BENCH_QUOTA_N (bookings of the Google sync the quota's
 * per-minute share is read from when BENCH_N is 600 or less, default 1000), BENCH_BASELINE_N (default 2000),
 * BENCH_PROPAGATION_SAMPLES (default 5), BENCH_HEADLESS (connections x items, default 50x200; 0 skips it).
 * The headless agent keeps its tokens in the OS keychain: run inside a keychain session.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { benchBaseline } from './baseline-bench';
import { benchHeadless } from './headless-bench';
import { benchPlan } from './plan-bench';
import { benchPropagation } from './propagation-bench';
import { sustainedShare } from './quota-share';
import { benchSync } from './sync-bench';

const n = Number(process.env.BENCH_N ?? 200);
const latency = Number(process.env.BENCH_LATENCY_MS ?? 100);
const planMax = Number(process.env.BENCH_PLAN ?? 100_000);
const quotaN = Number(process.env.BENCH_QUOTA_N ?? 1_000);
const baselineN = Number(process.env.BENCH_BASELINE_N ?? 2_000);
const propagationSamples = Number(process.env.BENCH_PROPAGATION_SAMPLES ?? 5);
const [headlessConnections, headlessItems] = (process.env.BENCH_HEADLESS ?? '50x200').split('x').map(Number);
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
const quotaRun =
  n > 600
    ? google
    : (say(`first sync of ${quotaN} bookings to Google, no added latency (the quota's per-minute share)`),
      await benchSync('google', quotaN, 0));
const share = sustainedShare(quotaRun.sentAt);
say(`${baselineN} bookings to Outlook, then idle and incremental runs (the naive-rescan baseline)`);
const baseline = await benchBaseline(baselineN);
say(`propagation with the 1min schedule, ${propagationSamples} samples`);
const propagation = propagationSamples > 0 ? await benchPropagation(propagationSamples) : null;
say(`headless agent process, ${headlessConnections} connections x ${headlessItems} bookings`);
const headless =
  headlessConnections && headlessItems ? await benchHeadless(headlessConnections, headlessItems) : null;
if (headless && !('rss_mb' in headless)) say(`headless agent not measured: ${JSON.stringify(headless)}`);
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
  quota: {
    '429s': google.refusals + microsoft.refusals + (quotaRun === google ? 0 : quotaRun.refusals),
    sustained_share: share?.mean ?? null,
    busiest_minute_share: share?.max ?? null,
    windows: share?.windows ?? null,
    quota_run: {
      n: quotaRun.initial.n,
      requests: quotaRun.initial.requests,
      seconds: quotaRun.initial.seconds,
    },
  },
  baseline,
  plan_ms: {
    '10000': plan10k,
    [String(planMax)]: planBig,
    ratio: Math.round((planBig / plan10k) * 100) / 100,
  },
  rss_mb: headless && 'rss_mb' in headless ? headless.rss_mb : null,
  startup_ms: headless && 'startup_ms' in headless ? headless.startup_ms : null,
  headless,
  module_load: loaded,
  bench_process_rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
  propagation_ms: propagation ?? { p50: null, p95: null, schedule_ms: 60_000 },
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
