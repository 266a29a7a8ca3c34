/**
 * Requests against a naive full-window rescan (issue 11): N bookings synced to an Outlook calendar, then a workload
 * of idle runs and runs with a few bookings renamed in Sched. Ours is what the sandbox counted for those runs. The
 * naive rescan makes the same writes but, every run, reads each collection the agent read in that run in full, at
 * the page sizes the agent uses: Sched bookings at Sched's default page (100; the agent asks for no other), Outlook's
 * events at the agent's delta page (`deltaPageSize`, 1,000 rows), anything else (Sched exceptions, empty here) one
 * page. The first idle run
 * after the first sync, which pages through the first sync's own creates once, is reported apart and with them.
 * Outlook, not Google, because 2,000 creates to Google take over three minutes of quota; both are read the same way.
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

/** Our requests and the naive rescan's for `idleRuns` idle runs and `editRuns` runs with `edits` renames each. */
export async function benchBaseline(n: number, idleRuns = 5, editRuns = 3, edits = 3) {
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
  const runs: { kind: string; ours: number; list_reads: number; naive: number }[] = [];
  const plan = [
    'first idle',
    ...Array.from({ length: idleRuns }, () => 'idle'),
    ...Array.from({ length: editRuns }, () => 'edits'),
  ];
  for (const [index, kind] of plan.entries()) {
    if (kind === 'edits') {
      for (let e = 0; e < edits; e++) {
        const id = ids[(index * 37 + e * 11) % ids.length]!;
        await renameBooking(sandbox, id, `Renamed ${index}.${e}`);
      }
    }
    await world.control('POST', '/stats/reset');
    const answer = await api('POST', '/sync', { calendar_id: calendarId });
    if (!answer.runs?.[0]) throw new Error(`The agent answered the sync with ${JSON.stringify(answer)}`);
    const rows = await statsRows(sandbox);
    const ours = rows.reduce((sum, row) => sum + row.count, 0);
    const lists = rows.filter((row) => fullReadCost(row, n) !== null);
    const listReads = lists.reduce((sum, row) => sum + row.count, 0);
    const naiveReads = lists.reduce((sum, row) => sum + fullReadCost(row, n)!, 0);
    runs.push({ kind, ours, list_reads: listReads, naive: ours - listReads + naiveReads });
  }
  await host.close();
  await world.close();
  const sum = (list: typeof runs, key: 'ours' | 'naive') => list.reduce((total, run) => total + run[key], 0);
  const steady = runs.slice(1);
  const ratio = (list: typeof runs) => Math.round((sum(list, 'ours') / sum(list, 'naive')) * 1000) / 1000;
  return {
    n,
    workload: `${idleRuns} idle runs, ${editRuns} runs with ${edits} bookings renamed in Sched`,
    naive_requests: sum(steady, 'naive'),
    our_requests: sum(steady, 'ours'),
    ratio: ratio(steady),
    with_first_idle: {
      naive_requests: sum(runs, 'naive'),
      our_requests: sum(runs, 'ours'),
      ratio: ratio(runs),
    },
    runs,
  };
}
