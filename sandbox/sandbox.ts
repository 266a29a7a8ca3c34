/**
 * The sandbox's composition root: one HTTPS server with the Sched, Google Calendar, Microsoft Graph and OAuth
 * stand-ins and the `/sandbox` controls, its CA and state kept in a data dir (API.md §1).
 */
import { resolve } from 'node:path';
import { SandboxClock } from './core/clock';
import { loadOrCreateTls } from './core/ca';
import { FaultInjector } from './core/faults';
import type { SandboxInfo } from './core/info';
import { StateFile, type PersistedState } from './core/persist';
import { SandboxServer } from './core/server';
import { RequestStats } from './core/stats';
import type { SandboxContext, SandboxService } from './core/types';
import { controlRoutes } from './controls';
import { createGoogleCalendarService, type GoogleCalendarOptions } from './google/index';
import { createGraphService, type GraphServiceOptions } from './microsoft/index';
import { createOAuthService } from './oauth/index';
import { createSchedService, type SchedServiceOptions } from './sched/index';
import { SEEDED_USERS, type SeedKind } from './seed/users';

export type { SandboxInfo } from './core/info';

/** How to start a sandbox. Only `dataDir` is required. */
export interface StartSandboxOptions {
  dataDir: string;
  /** 0 or absent: the port this data dir used last time if it is free, else any free port. */
  port?: number;
  /** Seed of a new data dir (default `demo`); a data dir with saved state keeps its state. */
  seed?: SeedKind;
  host?: string;
  clock?: SandboxClock;
  sched?: SchedServiceOptions;
  google?: GoogleCalendarOptions;
  microsoft?: GraphServiceOptions;
  oauth?: { accessTokenTtlSeconds?: number };
  /** Delay before a change is written to `state.json` (default 200 ms). */
  saveDebounceMs?: number;
}

/** A running sandbox. */
export interface RunningSandbox {
  info: SandboxInfo;
  url: string;
  caPath: string;
  caPem: string;
  /** The seed this data dir was created with. */
  seed: SeedKind;
  clock: SandboxClock;
  faults: FaultInjector;
  stats: RequestStats;
  /** Stops the server and writes the state. */
  close(): Promise<void>;
}

/** Starts the sandbox and resolves once it listens with every service seeded or restored. */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? new SandboxClock();
  const faults = new FaultInjector();
  const stats = new RequestStats();
  // Absolute, so the ready line's `ca` path works from any working directory.
  const dataDir = resolve(options.dataDir);
  const tls = await loadOrCreateTls(dataDir, clock.now());

  let services: SandboxService[] = [];
  let seeded: Record<string, unknown> = {};
  let seed: SeedKind = options.seed ?? 'demo';
  let port = 0;
  let ready = false;
  const snapshotAll = (): Record<string, unknown> =>
    Object.fromEntries(services.map((service) => [service.name, service.snapshot()]));
  const stateFile = new StateFile(
    dataDir,
    (): PersistedState => ({ version: 1, seed, port, services: snapshotAll(), seeded }),
    options.saveDebounceMs,
  );
  const saved = await stateFile.load();
  if (saved) seed = saved.seed;

  const requested = options.port ?? 0;
  const server = new SandboxServer({
    host,
    port: requested !== 0 ? requested : (saved?.port ?? 0),
    fallbackPort: requested !== 0 ? undefined : 0,
    tls: { key: tls.server.key, cert: tls.server.cert },
    faults,
    stats,
  });
  port = await server.listen();
  const url = server.url;

  const ctx: SandboxContext = {
    baseUrl: url,
    verifyAccessToken: (token) => oauth.verifyAccessToken(token),
    changed: () => {
      if (ready) stateFile.schedule();
    },
    now: () => clock.now(),
  };
  const users = { google: [...SEEDED_USERS.google], microsoft: [...SEEDED_USERS.microsoft] };
  const sched = createSchedService(ctx, options.sched);
  const google = createGoogleCalendarService(ctx, options.google);
  const graph = createGraphService(ctx, options.microsoft);
  const oauth = await createOAuthService(ctx, {
    users,
    accessTokenTtlSeconds: options.oauth?.accessTokenTtlSeconds,
  });
  services = [sched, google, graph, oauth];
  const seedable: Record<string, () => void> = {
    sched: () => sched.seed(seed),
    google: () => google.seed(seed, users.google),
    microsoft: () => graph.seed(seed, users.microsoft),
  };

  for (const service of services) {
    const snapshot = saved?.services[service.name];
    if (snapshot !== undefined) service.restore(snapshot);
    else seedable[service.name]?.();
  }
  seeded = saved?.seeded ?? {};
  for (const name of Object.keys(seedable)) {
    const service = services.find((candidate) => candidate.name === name);
    // JSON round trip: the seed snapshot must not share objects with the live state it will later replace.
    if (service && seeded[name] === undefined) seeded[name] = JSON.parse(JSON.stringify(service.snapshot()));
  }

  const info: SandboxInfo = {
    url,
    ca: tls.caPath,
    sched: { base_url: `${url}/sched/v1`, api_key: sched.apiKey },
    google: {
      root_url: `${url}/`,
      auth_url: oauth.clients.google.auth_url,
      token_url: oauth.clients.google.token_url,
      client_id: oauth.clients.google.client_id,
      client_secret: oauth.clients.google.client_secret ?? '',
      users: users.google,
    },
    microsoft: {
      graph_url: `${url}/graph`,
      authority: oauth.clients.microsoft.authority ?? oauth.clients.microsoft.issuer,
      client_id: oauth.clients.microsoft.client_id,
      users: users.microsoft,
    },
  };

  server.mountServices(services);
  server.mountControls(
    '/sandbox',
    controlRoutes({
      info: () => info,
      users,
      issueTokens: (provider, user, opts) => oauth.issueTokens(provider, user, opts),
      revoke: (provider, user) => oauth.revoke(provider, user),
      faults,
      stats,
      reset: async () => {
        // OAuth grants survive a reset: signed-in clients keep working against the fresh data.
        for (const service of services) {
          const snapshot = seeded[service.name];
          if (snapshot !== undefined) service.restore(JSON.parse(JSON.stringify(snapshot)));
        }
        google.invalidateSyncTokens();
        sched.invalidateSyncTokens();
        faults.clear();
        stats.reset();
        await stateFile.save();
      },
      expireSyncTokens: (target) => ({ sched, google, microsoft: graph })[target].invalidateSyncTokens(),
      now: () => clock.now(),
      advanceClock: (ms) => clock.advance(ms),
    }),
  );
  ready = true;
  await stateFile.save();

  let closing: Promise<void> | undefined;
  return {
    info,
    url,
    caPath: tls.caPath,
    caPem: tls.ca.cert,
    seed,
    clock,
    faults,
    stats,
    close: () => {
      closing ??= (async () => {
        await server.close();
        await stateFile.save();
      })();
      return closing;
    },
  };
}
