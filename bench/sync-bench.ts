/**
 * A whole first sync through the real agent and the sandbox: N bookings in Sched go to a Google or Outlook
 * calendar with the sandbox adding `latency` ms to every request of that service, then an idle run. Requests are
 * the sandbox's own counts per service; refusals (429, Google's 403 rate limits) are what the sandbox answered (answer-tally.ts).
 */
import { googleLimits, microsoftLimits } from '../main/providers/gate';
import {
  connectCalendar,
  requestsByService,
  seedBookings,
  startBenchAgent,
  startBenchSandbox,
  type Service,
} from './bench-world';
import { countAnswers, type AnswerTally } from './answer-tally';

/**
 * The shortest a first sync of `writes` creates can take with `latencyMs` on every calendar request: one list, then
 * the writes as many at once as the service allows (Google: 4 in flight; Graph: 4 `$batch`es of 20, each batch
 * taking one latency). For Google no faster than its per-minute quota lets the requests through: past the first
 * `limit` requests, the rest wait for the window to slide (a minute after the first request per `limit`), and the
 * last window's requests still go four at a time.
 */
export function lowerBoundSeconds(service: Service, writes: number, latencyMs: number): number {
  if (service === 'google') {
    const perMinute = googleLimits.rateLimit!.limit;
    const requests = writes + 1;
    const windows = Math.floor((requests - 1) / perMinute);
    if (windows === 0) return ((1 + Math.ceil(writes / 4)) * latencyMs) / 1000;
    const lastWindow = requests - windows * perMinute;
    return windows * 60 + (Math.ceil(lastWindow / 4) * latencyMs) / 1000;
  }
  const batches = Math.ceil(writes / 20);
  const rounds = Math.ceil(batches / (microsoftLimits.maxConcurrent ?? 4));
  return ((1 + rounds) * latencyMs) / 1000;
}

/** Syncs `bookings` new bookings to `service`, then runs once more with nothing changed. */
export async function benchSync(service: Service, bookings: number, latencyMs: number) {
  const world = await startBenchSandbox();
  const { sandbox } = world;
  const resource = service === 'google' ? 'rsc_meeting_room_a' : 'rsc_dr_maria_lopez';
  await seedBookings(sandbox, resource, bookings);
  const { host, api } = await startBenchAgent(sandbox, world.dir);
  const { calendarId } = await connectCalendar(sandbox, api, service, resource, {
    sync_frequency: 'manual',
    direction: 'sched-to-external',
  });
  if (latencyMs > 0) {
    await world.control('POST', '/faults', { target: service, status: 'slow', rate: 1, delay_ms: latencyMs });
  }
  const timed = async (tally: AnswerTally) => {
    await world.control('POST', '/stats/reset');
    const started = performance.now();
    const answer = await api('POST', '/sync', { calendar_id: calendarId });
    if (!answer.runs?.[0]) throw new Error(`The agent answered the sync with ${JSON.stringify(answer)}`);
    const { runs } = answer;
    const seconds = (performance.now() - started) / 1000;
    return { seconds, run: runs[0], seen: { ...tally.stop(), byService: await requestsByService(sandbox) } };
  };
  const first = await timed(countAnswers());
  const idle = await timed(countAnswers());
  await host.close();
  await world.close();
  const lower = lowerBoundSeconds(service, bookings, latencyMs);
  const idleWrites = (r: { created: Side2; updated: Side2; deleted: Side2 }) =>
    r.created.sched +
    r.created.external +
    r.updated.sched +
    r.updated.external +
    r.deleted.sched +
    r.deleted.external;
  return {
    initial: {
      n: bookings,
      latency_ms: latencyMs,
      requests: first.seen.byService[service] ?? 0,
      seconds: round(first.seconds),
      lower_bound_seconds: round(lower),
      ratio: round(first.seconds / lower),
    },
    created: first.run.created.external as number,
    refusals: first.seen.refusals + idle.seen.refusals,
    idle: { sched: idle.seen.byService.sched ?? 0, calendar: idle.seen.byService[service] ?? 0 },
    echo_writes: idleWrites(idle.run),
    /** When each of the first sync's requests to the service left (ms), for the quota's per-minute share. */
    sentAt: first.seen.sentAt[service] ?? [],
  };
}

interface Side2 {
  sched: number;
  external: number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
