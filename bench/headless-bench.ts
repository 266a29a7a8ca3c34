/**
 * The headless agent as a person runs it: `node dist-electron/cli.js agent` (the built bundle; `npm run build`
 * first) as its own process, pointed at this process's sandbox, with 50 connections of 200 bookings each (two Google
 * calendars and 48 Outlook calendars the bench makes in two mailboxes, spread over Sched's four resources), all synced. Ready is the
 * line `{"url","token","ui_url"}` the agent prints once its API answers; RSS is the process's VmRSS after the sync.
 * Start-up is timed twice: a fresh data dir, and a restart with the 50 connections stored. The agent keeps its tokens
 * in the OS keychain, so run the bench inside a keychain session (`kr npm run bench` here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { benchUsers, json, seedBookings, startBenchSandbox, type Json } from './bench-world';

const cli = 'dist-electron/cli.js';
const began = performance.now();
const say = (text: string) =>
  process.stderr.write(`bench: headless ${Math.round((performance.now() - began) / 1000)} s: ${text}\n`);
/** Extra Node options for the agent while profiling it (BENCH_HEADLESS_NODE_ARGS="--heap-prof"); none by default. */
const nodeArgs = (process.env.BENCH_HEADLESS_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** How long the agent sits idle after the sync before `rss_idle_mb` is read. */
const idleWaitMs = 15_000;
const resources = ['rsc_meeting_room_a', 'rsc_dr_maria_lopez', 'rsc_classroom_101', 'rsc_recording_studio'];

interface Running {
  child: ChildProcess;
  url: string;
  token: string;
  startupMs: number;
}

/** Spawns the agent and resolves once it printed its ready line. */
async function spawnAgent(args: string[]): Promise<Running> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, cli, 'agent', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    const ready = JSON.parse(line) as { url: string; token: string };
    return { child, url: ready.url, token: ready.token, startupMs: Math.round(performance.now() - started) };
  }
  throw new Error('The agent ended without its ready line.');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await ended;
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** RSS and start-up of the built headless agent with `connections` × `items`; null figures when it cannot run. */
export async function benchHeadless(connections = 50, items = 200) {
  if (!existsSync(cli)) return { skipped: `${cli} is missing: run npm run build first` };
  const world = await startBenchSandbox();
  const { sandbox } = world;
  let agent: Running | undefined;
  try {
    for (const resource of resources) await seedBookings(sandbox, resource, items, resource);
    say('bookings seeded');
    const args = ['--sandbox', sandbox.url, '--ca', sandbox.caPath, '--data', join(world.dir, 'agent')];
    agent = await spawnAgent(args);
    const fresh = agent.startupMs;
    const api = (method: string, path: string, body?: unknown): Promise<Json> =>
      json(`${agent!.url}/api${path}`, {
        method,
        token: agent!.token,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const tokenOf = async (provider: string, user: string) =>
      json(`${sandbox.url}/sandbox/tokens`, { method: 'POST', body: JSON.stringify({ provider, user }) });
    const calendars: { service: string; id: string; refresh: string }[] = [];
    for (const user of ['alex@sandbox.example', 'sam@sandbox.example']) {
      calendars.push({ service: 'google', id: user, refresh: (await tokenOf('google', user)).refresh_token });
    }
    // Two mailboxes: 48 × 200 creates in one would pass Outlook's 10,000 requests per mailbox per 10 minutes,
    // and the agent would rightly wait the window out.
    const outlook = [
      await tokenOf('microsoft', benchUsers.microsoft),
      await tokenOf('microsoft', 'riley@sandbox.example'),
    ];
    for (let i = 0; calendars.length < connections; i++) {
      const mailbox = outlook[i % outlook.length]!;
      const made = await json(`${sandbox.info.microsoft.graph_url}/v1.0/me/calendars`, {
        method: 'POST',
        token: mailbox.access_token,
        body: JSON.stringify({ name: `Bench ${i}` }),
      });
      calendars.push({ service: 'microsoft', id: made.id, refresh: mailbox.refresh_token });
    }
    for (const [i, calendar] of calendars.entries()) {
      const connected = await api('POST', '/calendars/connect', {
        resource_id: resources[i % resources.length],
        calendar_service: calendar.service,
        calendar_id: calendar.id,
        oauth_token: calendar.refresh,
        sync_settings: { sync_frequency: 'manual', direction: 'sched-to-external' },
      });
      if (connected.error) throw new Error(`connection ${i}: ${JSON.stringify(connected.error)}`);
    }
    say('connected');
    // A first run is asked for by name ("Sync all" leaves new connections to their person): all 50 at once.
    const answers = await Promise.all(calendars.map((c) => api('POST', '/sync', { calendar_id: c.id })));
    const runs = answers.flatMap((answer) => (answer.runs ?? []) as { created: { external: number } }[]);
    const created = runs.reduce((sum, run) => sum + run.created.external, 0);
    if (runs.length !== connections || created !== connections * items) {
      const refused = answers.find((answer) => answer.error);
      throw new Error(`the sync made ${created} events in ${runs.length} runs (${JSON.stringify(refused)})`);
    }
    say('synced');
    const afterSync = rssMb(agent.child.pid!);
    // At rest: V8's memory reducer gives the sync's garbage pages back some seconds after the agent goes idle.
    await new Promise((resolve) => setTimeout(resolve, idleWaitMs));
    const atRest = rssMb(agent.child.pid!);
    await stop(agent.child);
    agent = await spawnAgent(args);
    const restart = agent.startupMs;
    return {
      connections,
      items,
      rss_mb: afterSync.rss,
      rss_idle_mb: atRest.rss,
      peak_rss_mb: afterSync.peak,
      startup_ms: restart,
      startup_fresh_ms: fresh,
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    if (agent) await stop(agent.child);
    await world.close();
  }
}
