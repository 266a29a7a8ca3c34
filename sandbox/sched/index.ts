/** The Sched API stand-in (API.md §3), mounted at `/sched` so its `base_url` is `<url>/sched/v1`. */
import { randomBytes } from 'node:crypto';
import type { Route, SandboxContext, SandboxService } from '../core/types';
import { BookingStore } from './booking-store';
import { ExceptionStore } from './exception-store';
import { createGuard, RateLimiter } from './guard';
import { emptySchedState, type SchedState } from './model';
import { publicRoutes } from './public-routes';
import { bookingRoutes } from './routes-bookings';
import { calendarRoutes } from './routes-calendars';
import { exceptionRoutes } from './routes-exceptions';
import { seedSched } from './seed';

/** Options of the Sched stand-in. */
export interface SchedServiceOptions {
  /** The API key clients must send; a random one when not given. */
  apiKey?: string;
  /** Requests per minute per key before 429 (default 600). */
  rateLimitPerMinute?: number;
  /** How long a `sync_token` stays good (default 7 days). */
  syncTokenMaxAgeSeconds?: number;
}

/** The Sched service plus what the sandbox needs to seed it and tell clients its key. */
export type SchedService = SandboxService & {
  apiKey: string;
  seed(kind: 'empty' | 'demo'): void;
  /** Makes every sync token handed out so far answer 410, as when Sched drops old change history. */
  invalidateSyncTokens(): void;
};

function newEpoch(): string {
  return randomBytes(6).toString('hex');
}

interface SchedSnapshot {
  api_key: string;
  state: SchedState;
}

/** Creates the Sched stand-in. */
export function createSchedService(ctx: SandboxContext, options: SchedServiceOptions = {}): SchedService {
  let state = emptySchedState(newEpoch());
  let apiKey = options.apiKey ?? `sched_sandbox_${randomBytes(16).toString('hex')}`;
  const current = (): SchedState => state;
  const store = new BookingStore(current, ctx);
  const exceptions = new ExceptionStore(current, ctx);
  const syncTokenMaxAgeMs = (options.syncTokenMaxAgeSeconds ?? 7 * 24 * 3600) * 1000;
  const guard = createGuard(
    () => apiKey,
    new RateLimiter(options.rateLimitPerMinute ?? 600, () => ctx.now()),
  );
  const apiRoutes: Route[] = [
    ...bookingRoutes({ ctx, state: current, store, syncTokenMaxAgeMs }),
    ...exceptionRoutes({ ctx, state: current, exceptions, syncTokenMaxAgeMs }),
    ...calendarRoutes(current, ctx),
  ].map((route) => ({ ...route, handler: guard(route.handler) }));

  return {
    name: 'sched',
    prefix: '/sched',
    routes: [...apiRoutes, ...publicRoutes(current)],
    get apiKey() {
      return apiKey;
    },
    seed(kind) {
      state = seedSched(kind, newEpoch(), ctx.now());
      ctx.changed();
    },
    invalidateSyncTokens() {
      state.epoch = newEpoch();
      ctx.changed();
    },
    snapshot(): SchedSnapshot {
      return { api_key: apiKey, state: structuredClone(state) };
    },
    restore(snapshot) {
      const saved = snapshot as SchedSnapshot;
      // Going back to an earlier state (a reset) must not let tokens from the later one read as current.
      const wentBack = saved.state.next_seq < state.next_seq;
      state = structuredClone(saved.state);
      // State saved by an older sandbox lacks what came later: moves and availability exceptions.
      state.departed ??= {};
      state.exceptions ??= {};
      state.exception_changed_at_seq ??= {};
      state.exception_idempotency ??= {};
      if (wentBack) state.epoch = newEpoch();
      if (options.apiKey === undefined) apiKey = saved.api_key;
    },
  };
}
