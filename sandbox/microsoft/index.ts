/**
 * The Microsoft Graph stand-in: calendars and events under `/graph/v1.0/me/…`, calendarView and its delta,
 * `$batch`, extended properties, transactionId de-duplication, per-mailbox throttling, Graph's errors.
 * Official clients point at it with `Client.init({ baseUrl: '<url>/graph', customHosts: new Set(['127.0.0.1']) })`.
 */
import type { Route, SandboxContext, SandboxService } from '../core/types';
import { batchRoute } from './batch';
import { deltaRoutes } from './delta';
import { guard } from './guard';
import { emptyState } from './model';
import type { GraphState } from './model';
import type { GraphRoute } from './route-kit';
import { calendarRoutes } from './routes-calendars';
import { eventRoutes } from './routes-events';
import { responseRoutes } from './routes-responses';
import { viewRoutes } from './routes-view';
import { seedGraph } from './seed';
import { GraphStore } from './store';
import { MailboxThrottle } from './throttle';

export interface GraphServiceOptions {
  /** Outlook allows 4 requests in flight per mailbox. */
  maxConcurrentPerMailbox?: number;
  /** Outlook allows 10,000 requests per 10 minutes per mailbox. */
  maxRequestsPerTenMinutes?: number;
  /** Time each request holds its mailbox slot; 0 (default) answers at once. Raise it to see concurrency limits. */
  latencyMs?: number;
}

export type GraphService = SandboxService & {
  seed(kind: 'empty' | 'demo', users: string[]): void;
  /** Forgets every delta and skip token, so the next delta request answers 410 SyncStateNotFound. */
  invalidateSyncTokens(): void;
};

/** Creates the Graph stand-in, mounted at `/graph`. */
export function createGraphService(ctx: SandboxContext, options: GraphServiceOptions = {}): GraphService {
  const store = new GraphStore(ctx);
  const latencyMs = options.latencyMs ?? 0;
  const throttle = new MailboxThrottle({
    maxConcurrentPerMailbox: options.maxConcurrentPerMailbox ?? 4,
    maxPerTenMinutes: options.maxRequestsPerTenMinutes ?? 10_000,
    now: () => ctx.now(),
  });
  const graphRoutes: GraphRoute[] = [
    ...calendarRoutes(store),
    ...eventRoutes(store),
    ...responseRoutes(store),
    ...viewRoutes(store),
    ...deltaRoutes(store),
  ];
  const batch = batchRoute({ routes: () => graphRoutes, throttle, now: () => ctx.now(), latencyMs });
  const routes: Route[] = [
    ...graphRoutes.map((r) => ({
      method: r.method,
      pattern: r.pattern,
      handler: guard(ctx, throttle, { latencyMs }, r.handler),
    })),
    {
      method: batch.method,
      pattern: batch.pattern,
      handler: guard(ctx, throttle, { latencyMs }, batch.handler, false),
    },
  ];

  return {
    name: 'microsoft',
    prefix: '/graph',
    routes,
    snapshot: () => structuredClone(store.state),
    restore: (snapshot) => {
      store.state = { ...emptyState(), ...structuredClone(snapshot as GraphState) };
    },
    invalidateSyncTokens: () => {
      store.state.deltaTokens = {};
      store.state.skipTokens = {};
      store.state.tokenOrder = [];
      ctx.changed();
    },
    seed: (kind, users) => {
      store.state = emptyState();
      seedGraph(store, kind, users, ctx.now());
      ctx.changed();
    },
  };
}
