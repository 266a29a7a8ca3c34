/**
 * The agent model's world: the real `AgentRuntime` (real engine, scheduler and SQLite state DB in a temp dir, real
 * settings file) over fake services (fake-services.ts) and one fake clock that drives the engine's `now`, the state
 * DB's stamps and the in-memory providers' `updated` stamps. A crash restarts the app on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentApi, SchedResource } from '../../../preload/contract';
import { AgentRuntime } from '../../../main/agent/runtime';
import { Engine } from '../../../main/engine';
import { MemoryProvider } from '../../fakes/memory-provider';
import { MemorySecretStore } from '../../fakes/memory-secret-store';
import { openStateDb, type StateDb } from '../../../main/store';
import { openConfSettingsStore } from '../../../main/store/conf-settings-store';
import type { ItemFields, SyncItem } from '../../../main/sync';
import { instantAt } from '../../../main/sync';
import { SchedKeySpace } from './sched-keys';
import {
  accountIdOf,
  fakeClients,
  FakeCron,
  FakeSchedDirectory,
  type CrashPlan,
  type FakeWorld,
} from './fake-services';

/** Every resource and calendar of the model keeps London time. */
export const zone = 'Europe/London';

/** Sched's resources. */
export const resourceIds = ['r1', 'r2', 'r3'] as const;

/** The calendars the two accounts can see: two Google-like (every deletion in the feed), one Graph-like. */
export const calendars = [
  { id: 'room1@g.example', service: 'google', short: 'g1' },
  { id: 'team@g.example', service: 'google', short: 'g2' },
  { id: 'room@m.example', service: 'microsoft', short: 'm1' },
] as const;

/** Where every story starts: Monday 5 January 2026, 09:00 UTC. */
const startMs = Date.parse('2026-01-05T09:00:00.000Z');

const fakeSandbox = {
  url: 'https://sandbox.invalid',
  ca: '',
  sched: { base_url: 'https://sandbox.invalid/sched', api_key: 'demo' },
  google: { root_url: '', auth_url: '', token_url: '', client_id: 'model', users: [] },
  microsoft: { graph_url: '', authority: '', client_id: 'model', users: [] },
};

/** Folders of worlds not disposed yet: a story cut short (a timeout, a failed start) leaves its world behind. */
const folders = new Set<string>();

/** Removes the folders of worlds still open, e.g. stories a timeout cut short (the test files call it after all). */
export function removeLeftoverWorlds(): void {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

// A worker ending with a story in flight (a timeout while shrinking) still leaves /tmp clean.
process.once('exit', removeLeftoverWorlds);

/** Sched, the calendars, the clock and the running agent. */
export class AgentWorld implements FakeWorld {
  crash: CrashPlan | null = null;
  crashed = false;
  readonly revoked = new Set<string>();
  readonly resources: SchedResource[] = resourceIds.map((id) => ({
    id,
    name: `Room ${id}`,
    description: '',
    timezone: zone,
  }));
  readonly sched = new Map<string, MemoryProvider>();
  readonly cals = new Map<string, MemoryProvider>();
  /** Each resource's availability exceptions (Sched lets them overlap anything). */
  readonly exceptions = new Map<string, MemoryProvider>();
  readonly directory = new FakeSchedDirectory(this);
  readonly schedKeys = { booking: new SchedKeySpace(), exception: new SchedKeySpace() };
  private readonly clients = fakeClients(this, this.directory);
  private readonly secrets = new MemorySecretStore();
  private readonly dir = mkdtempSync(join(tmpdir(), 'agent-model-'));
  nowMs = startMs;
  cron = new FakeCron();
  runtime!: AgentRuntime;
  db!: StateDb;

  private constructor() {
    folders.add(this.dir);
    const stamp = () => this.stamp();
    for (const id of resourceIds) {
      this.sched.set(id, new MemoryProvider({ side: 'sched', clock: stamp, zone, idPrefix: `b-${id}-` }));
      this.exceptions.set(
        id,
        new MemoryProvider({
          side: 'sched',
          clock: stamp,
          zone,
          idPrefix: `x-${id}-`,
          rejectOverlaps: false,
        }),
      );
    }
    for (const c of calendars) {
      const reportsDeletions = c.service === 'microsoft' ? 'known' : 'all';
      const provider = new MemoryProvider({
        side: 'external',
        clock: stamp,
        zone,
        idPrefix: `e-${c.short}-`,
        reportsDeletions,
      });
      this.cals.set(c.id, provider);
    }
  }

  /** A world with the agent started (Sandbox mode, whose services are the fakes). */
  static async create(): Promise<AgentWorld> {
    const world = new AgentWorld();
    try {
      await world.boot();
    } catch (error) {
      await world.dispose().catch(() => undefined);
      throw error;
    }
    return world;
  }

  /** The agent API, as the UI and CLI call it. */
  get agent(): AgentApi {
    return this.runtime.agent;
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  /** A time stamp for a provider write: a second passes with every write, so `updated` never ties. */
  stamp(): string {
    this.nowMs += 1000;
    return new Date(this.nowMs).toISOString();
  }

  resourceProvider(resourceId: string): MemoryProvider {
    const found = this.sched.get(resourceId);
    if (!found) throw new Error(`no resource ${resourceId}`);
    return found;
  }

  exceptionProvider(resourceId: string): MemoryProvider {
    const found = this.exceptions.get(resourceId);
    if (!found) throw new Error(`no resource ${resourceId}`);
    return found;
  }

  calendarProvider(calendarId: string): MemoryProvider {
    const found = this.cals.get(calendarId);
    if (!found) throw new Error(`no calendar ${calendarId}`);
    return found;
  }

  calendarsOf(accountId: string) {
    return calendars
      .filter((c) => accountIdOf(c.service) === accountId)
      .map((c) => ({ id: c.id, name: c.short, primary: false, time_zone: zone, connected: false }));
  }

  /** The process died (a crash): nothing is stopped cleanly; the app starts again on the same files. */
  async restart(): Promise<void> {
    this.db.close();
    await this.boot();
  }

  /** Connects `calendar` to `resourceId` as a person would, synced only when asked (the example tests' start). */
  async connectByHand(calendar: (typeof calendars)[number], resourceId: string): Promise<void> {
    await this.agent.connect({
      resource_id: resourceId,
      calendar_service: calendar.service,
      calendar_id: calendar.id,
      oauth_token: 'refresh-token-of-the-model',
      sync_settings: { sync_frequency: 'manual' },
    });
  }

  /** The state DB is lost (deleted, or a new machine with the same settings). */
  async loseState(): Promise<void> {
    await this.runtime.stop();
    this.db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(this.dir, `state.db${suffix}`), { force: true });
    await this.boot();
  }

  /** Lets runs the scheduler started finish (the fakes never wait on I/O, so one turn of the loop is enough). */
  async settleRuns(): Promise<void> {
    for (let i = 0; i < 3 || this.runtime.sync.syncing().length > 0; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (i > 1000) throw new Error('runs did not finish');
    }
  }

  /** Stops the app and removes its folder, whatever state a failed step left them in. */
  async dispose(): Promise<void> {
    try {
      if (this.runtime) await this.runtime.stop();
    } finally {
      try {
        if (this.db) this.db.close();
      } finally {
        rmSync(this.dir, { recursive: true, force: true });
        folders.delete(this.dir);
      }
    }
  }

  /** Live items of every resource (side `sched`) or every calendar (`external`), with where they are. */
  liveItems(side: 'sched' | 'external'): { where: string; item: SyncItem }[] {
    const providers = side === 'sched' ? this.sched : this.cals;
    return [...providers].flatMap(([where, p]) => p.live().map((item) => ({ where, item })));
  }

  /** Every item of every provider with its version, to tell whether anything changed. */
  snapshot(): string {
    const all = [...this.sched.values(), ...this.exceptions.values(), ...this.cals.values()].flatMap((p) =>
      p.all(),
    );
    return all.map((item) => `${item.id}@${item.version}`).join(' ');
  }

  /** Write requests every provider has received from the agent so far (refused ones included). */
  writes(): number {
    let total = 0;
    for (const p of [...this.sched.values(), ...this.cals.values()])
      total += p.requests.create + p.requests.update + p.requests.delete;
    return total;
  }

  private async boot(): Promise<void> {
    this.db = openStateDb(join(this.dir, 'state.db'), { clock: () => this.now() });
    const engine = new Engine({ db: this.db, now: () => this.now() });
    this.cron = new FakeCron();
    this.crashed = false;
    this.runtime = new AgentRuntime({
      settings: openConfSettingsStore(this.dir),
      secrets: this.secrets,
      db: this.db,
      engine,
      // The agent's clock is the world's: the registry watch's "every 15 minutes" counts the model's time.
      clock: { now: () => this.now(), follow: () => undefined, refresh: async () => undefined },
      cron: this.cron,
      version: '0.0.0-model',
      env: {},
      sandbox: async () => ({ info: fakeSandbox, caPem: '', close: async () => undefined }),
      trustCa: () => undefined,
      clientsFor: () => this.clients,
      probeSched: () => this.directory,
      keychainAvailable: async () => true,
      syncOnStart: false,
    });
    await this.runtime.start();
  }
}

/** Fields of an appointment `day` days from the story's start, at `hour` London time, `hours` long. */
export function slotAt(title: string, day: number, hour: number, hours = 1): ItemFields {
  const date = new Date(startMs + day * 86_400_000).toISOString().slice(0, 10);
  const at = (h: number) => instantAt(`${date}T${String(h).padStart(2, '0')}:00`, zone);
  return { title, description: '', location: '', start: at(hour), end: at(hour + hours) };
}
