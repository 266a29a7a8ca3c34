/**
 * Propagation: how long after a person renames a booking in Sched the copy in Google shows the new title, with the
 * `1min` schedule (every minute at the connection's own second, cron-expression.ts). In Sandbox mode the agent's
 * schedule follows the sandbox's clock, so the bench does not sit through the wait: it moves the sandbox clock
 * forward half a second at a time until the agent starts its run, then stops moving it and polls Google in real
 * time until the new title is there. A sample is the sandbox time from the edit to the title seen: the schedule's
 * wait (in half-second steps, so up to 0.5 s too long, plus the real time the steps took) and the run's real time.
 * Each edit falls at a random moment of the minute: the clock first moves a random 0–60 s.
 */
import {
  connectCalendar,
  json,
  renameBooking,
  requestsByService,
  seedBookings,
  startBenchAgent,
  startBenchSandbox,
} from './bench-world';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The nearest-rank percentile of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `samples` edits in Sched timed until Google shows them; p50, p95 and every sample, in ms of sandbox time. */
export async function benchPropagation(samples: number) {
  const world = await startBenchSandbox();
  const { sandbox } = world;
  const resource = 'rsc_meeting_room_a';
  const [bookingId] = await seedBookings(sandbox, resource, 1, 'Propagated');
  // The schedule reads the sandbox clock every 20 ms instead of every minute, so it notices each step at once.
  const { host, api } = await startBenchAgent(sandbox, world.dir, { clockCheckMs: 20 });
  const { calendarId, accessToken } = await connectCalendar(sandbox, api, 'google', resource, {
    sync_frequency: 'manual',
    direction: 'sched-to-external',
  });
  await api('POST', '/sync', { calendar_id: calendarId });
  await api('PUT', `/calendars/${encodeURIComponent(calendarId)}`, {
    sync_settings: { sync_frequency: '1min' },
  });
  const eventsUrl = `${sandbox.info.google.root_url}calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`;
  const titleInGoogle = async (title: string) =>
    ((await json(eventsUrl, { token: accessToken })).items as { summary?: string }[]).some(
      (event) => event.summary === title,
    );
  const syncing = async () =>
    ((await api('GET', '/calendars')).calendars as { sync_status: string }[]).some(
      (c) => c.sync_status === 'syncing',
    );
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    sandbox.clock.advance(Math.random() * 60_000);
    // A run the jump itself brought is let finish before the edit.
    await sleep(200);
    while (await syncing()) await sleep(20);
    const title = `Propagated, edit ${i}`;
    await renameBooking(sandbox, bookingId!, title);
    const editedAt = sandbox.clock.now().getTime();
    await world.control('POST', '/stats/reset');
    while (Object.keys(await requestsByService(sandbox)).length === 0) {
      if (sandbox.clock.now().getTime() - editedAt > 120_000)
        throw new Error('No run started within 2 minutes.');
      sandbox.clock.advance(500);
      await sleep(40);
    }
    while (!(await titleInGoogle(title))) {
      if (sandbox.clock.now().getTime() - editedAt > 180_000)
        throw new Error('The edit never reached Google.');
      await sleep(20);
    }
    times.push(sandbox.clock.now().getTime() - editedAt);
  }
  await host.close();
  await world.close();
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    schedule_ms: 60_000,
    samples: times,
  };
}
