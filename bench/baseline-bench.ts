/**
 * Requests against a naive full-window rescan (issue 11): N bookings synced to an Outlook calendar, then workloads of
 * idle runs and runs with a few bookings renamed in Sched. Ours is what the sandbox counted for those runs. The
 * naive rescan makes the same writes but, every run, reads each collection the agent read in that run in full, at
 * the page sizes the agent uses: Sched bookings at Sched's default page (100; the agent asks for no other), Outlook's
 * events at the agent's delta page (`deltaPageSize`, 1,000 rows), anything else (Sched exceptions, empty here) one
 * page. The first idle run after the first sync, which pages through the first sync's own creates once, is reported
 * apart and with the headline workload. Outlook, not Google, because 2,000 creates to Google take over three minutes
 * of quota; both are read the same way.
 */
import { deltaPageSize } from '../main/providers/microsoft';
import type { RunningSandbox } from '../sandbox/sandbox';
import {
  connectCalendar,
  json,
  renameBooking,
  seedBookings,
  startBenchAgent,
  startBenchSandbox,
} from './bench-world';

const schedPage = 100;
const graphPage = deltaPageSize;

interface Row {
  service: string;
  method: string;
  route: string;
  count: number;
}

/** What a full read of the collection a list route reads costs, or null when the route is no list read. */
function fullReadCost(row: Row, n: number): number | null {
  if (row.method !== 'GET') return null;
  if (row.service === 'sched' && /\/bookings$/.test(row.route)) return Math.ceil(n / schedPage);
  if (row.service === 'sched' && /\/exceptions$/.test(row.route)) return 1;
  if (row.service === 'microsoft' && /delta|calendarView|\/events$/.test(row.route))
    return Math.ceil(n / graphPage);
  return null;
}

async function statsRows(sandbox: RunningSandbox): Promise<Row[]> {
  return ((await json(`${sandbox.url}/sandbox/stats`)).requests as Row[]).filter(
    (row) => row.service !== 'oauth',
  );
}

type RunKind = 'idle' | 'edits';
type RunFigure = { kind: string; ours: number; list_reads: number; naive: number };

/** A workload: its runs in order, and the bookings renamed in Sched before each `edits` run. */
export interface Workload {
  name: string;
  runs: RunKind[];
  edits: number;
}

/**
 * The headline workload: an hour of the `1min` schedule, 60 runs, of which every sixth follows three bookings renamed
 * in Sched (30 changes in the hour). 2,000 bookings in the default window (30 days back, 180 ahead) are about ten a
 * day, so this is a day's changes many times over packed into one hour: a busy resource's busy hour.
 */
export function busyHour(): Workload {
  return {
    name: 'an hour of the 1min schedule: 60 runs, every sixth after 3 bookings renamed in Sched',
    runs: Array.from({ length: 60 }, (_, i) => (i % 6 === 5 ? 'edits' : 'idle')),
    edits: 3,
  };
}

/** The edit-heavy workload reported before: 5 idle runs, then 3 runs after 3 bookings renamed each. */
export function editHeavy(idleRuns = 5, editRuns = 3, edits = 3): Workload {
  return {
    name: `${idleRuns} idle runs, ${editRuns} runs with ${edits} bookings renamed in Sched`,
    runs: [
      ...Array.from({ length: idleRuns }, () => 'idle' as const),
      ...Array.from({ length: editRuns }, () => 'edits' as const),
    ],
    edits,
  };
}

function totals(list: readonly RunFigure[]) {
  const sum = (key: 'ours' | 'naive') => list.reduce((total, run) => total + run[key], 0);
  const [ours, naive] = [sum('ours'), sum('naive')];
  return { naive_requests: naive, our_requests: ours, ratio: Math.round((ours / naive) * 1000) / 1000 };
}

/**
 * Our requests and the naive rescan's, after a first sync of `n` bookings: the first idle run, then each workload in
 * turn on the same calendar. The first workload is the headline; the others are reported beside it.
 */
export async function benchBaseline(n: number, workloads: readonly Workload[] = [busyHour(), editHeavy()]) {
  const world = await startBenchSandbox();
  const { sandbox } = world;
  const resource = 'rsc_dr_maria_lopez';
  const ids = await seedBookings(sandbox, resource, n);
  const { host, api } = await startBenchAgent(sandbox, world.dir);
  const { calendarId } = await connectCalendar(sandbox, api, 'microsoft', resource, {
    sync_frequency: 'manual',
    direction: 'sched-to-external',
  });
  const first = await api('POST', '/sync', { calendar_id: calendarId });
  if (first.runs?.[0]?.created?.external !== n)
    throw new Error(`The first sync made ${JSON.stringify(first)}`);
  let renamed = 0;
  const measure = async (kind: string, edits: number): Promise<RunFigure> => {
    for (let e = 0; e < edits; e++) {
      const id = ids[(renamed * 37 + 11) % ids.length]!;
      renamed += 1;
      await renameBooking(sandbox, id, `Renamed ${renamed}`);
    }
    await world.control('POST', '/stats/reset');
    const answer = await api('POST', '/sync', { calendar_id: calendarId });
    if (!answer.runs?.[0]) throw new Error(`The agent answered the sync with ${JSON.stringify(answer)}`);
    const rows = await statsRows(sandbox);
    const ours = rows.reduce((sum, row) => sum + row.count, 0);
    const lists = rows.filter((row) => fullReadCost(row, n) !== null);
    const listReads = lists.reduce((sum, row) => sum + row.count, 0);
    const naiveReads = lists.reduce((sum, row) => sum + fullReadCost(row, n)!, 0);
    return { kind, ours, list_reads: listReads, naive: ours - listReads + naiveReads };
  };
  const firstIdle = await measure('first idle', 0);
  const measured: { workload: Workload; runs: RunFigure[] }[] = [];
  for (const workload of workloads) {
    const runs: RunFigure[] = [];
    for (const kind of workload.runs) runs.push(await measure(kind, kind === 'edits' ? workload.edits : 0));
    measured.push({ workload, runs });
  }
  await host.close();
  await world.close();
  const [headline, ...others] = measured.map(({ workload, runs }) => ({
    workload: workload.name,
    ...totals(runs),
    per_run: perRun(runs),
  }));
  return {
    n,
    ...headline!,
    first_idle: firstIdle,
    with_first_idle: totals([firstIdle, ...measured[0]!.runs]),
    others,
  };
}

/** Each kind of run's requests, ours and the naive rescan's (every run of a kind costs the same, the counts exact). */
function perRun(runs: readonly RunFigure[]) {
  const kinds = [...new Set(runs.map((run) => run.kind))];
  return Object.fromEntries(
    kinds.map((kind) => {
      const of = runs.filter((run) => run.kind === kind);
      const costs = (key: 'ours' | 'naive') => [...new Set(of.map((run) => run[key]))];
      return [kind, { runs: of.length, ours: costs('ours'), naive: costs('naive') }];
    }),
  );
}
