/** How fast the pure core plans: one connection with many links and a share of them changed on each side. */
import { pathToFileURL } from 'node:url';
import { plan, type PlanInput, type SyncItem } from '../main/sync';
import { holdsEverything, linkSideOf, syncWindow, type Link } from '../main/sync';

const zone = 'Europe/London';

function item(id: string, i: number, title: string): SyncItem {
  const start = new Date(Date.UTC(2026, 11, 1, 9) + i * 3_600_000).toISOString();
  const end = new Date(Date.UTC(2026, 11, 1, 10) + i * 3_600_000).toISOString();
  return {
    id,
    version: '1',
    updated: '2026-11-24T00:00:00.000Z',
    status: 'confirmed',
    title,
    description: '',
    location: '',
    start: { kind: 'instant', utc: start, zone },
    end: { kind: 'instant', utc: end, zone },
  };
}

/**
 * Plans `links` linked pairs where every tenth changed on Sched and every fifteenth externally. `ms` is wall time;
 * `cpu_ms` the process's CPU time meanwhile, steadier than `ms` on a shared machine (it still counts the GC threads).
 */
export function benchPlan(links: number): { links: number; actions: number; ms: number; cpu_ms: number } {
  const stored: Link[] = [];
  const sched: SyncItem[] = [];
  const external: SyncItem[] = [];
  for (let i = 0; i < links; i++) {
    const b = item(`b${i}`, i, `Booking ${i}`);
    const e = item(`e${i}`, i, `Booking ${i}`);
    stored.push({ sched: linkSideOf(b), external: linkSideOf(e) });
    if (i % 10 === 0) sched.push({ ...b, version: '2', title: `Booking ${i} (moved)` });
    if (i % 15 === 1) external.push({ ...e, version: '2', title: `Booking ${i} (renamed)` });
  }
  const input: PlanInput = {
    state: { links: stored },
    sched: { items: sched },
    external: { items: external },
    settings: {
      direction: 'two-way',
      conflict_resolution: 'newest',
      privacy: 'full',
      window_days_past: 30,
      window_days_future: 365,
    },
    connection: { id: 'bench', calendarService: 'google', calendarId: 'bench@example.com' },
    resourceTimezone: zone,
    now: '2026-11-24T12:00:00.000Z',
    window: syncWindow('2026-11-24T12:00:00.000Z', 30, 365, zone),
    capabilities: { sched: holdsEverything, external: holdsEverything },
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = plan(input);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    links,
    actions: result.actions.length,
    ms: round(ms),
    cpu_ms: round((cpu.user + cpu.system) / 1000),
  };
}

/** Planner figures of one size pair: milliseconds at 10,000 links and at `largest`, and their ratio. */
export type PlanFigures = Record<string, number>;

/**
 * The planner figures alone, taken as `npm run bench` takes them (1,000 links to warm up, then 10,000, then
 * BENCH_PLAN), in wall and CPU time. `npx tsx bench/plan-bench.ts` prints them as one JSON line; the machines are
 * shared, so run it several times and take medians.
 */
export function planFigures(largest: number): { plan_ms: PlanFigures; plan_cpu_ms: PlanFigures } {
  benchPlan(1_000);
  const small = benchPlan(10_000);
  const large = benchPlan(largest);
  const figures = (figure: 'ms' | 'cpu_ms'): PlanFigures => ({
    '10000': small[figure],
    [String(largest)]: large[figure],
    ratio: Math.round((large[figure] / small[figure]) * 100) / 100,
  });
  return { plan_ms: figures('ms'), plan_cpu_ms: figures('cpu_ms') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(planFigures(Number(process.env.BENCH_PLAN ?? 100_000)))}
`);
}
