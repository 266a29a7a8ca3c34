/**
 * The Google Calendar API v3 stand-in, mounted at `/google` so googleapis with `rootUrl: <url>/google/`
 * reaches it at `/google/calendar/v3/...`.
 */
import type { SandboxContext, SandboxService } from '../core/types';
import { EventStore } from './event-store';
import { createGuard } from './guard';
import type { GoogleState } from './model';
import { UserQuota } from './quota';
import { calendarRoutes } from './routes-calendars';
import { eventRoutes } from './routes-events';
import { seedGoogle } from './seed';

/** Tuning of the stand-in. */
export interface GoogleCalendarOptions {
  /** Requests per minute per user before 403 userRateLimitExceeded (Google's default: 600). */
  quotaPerMinute?: number;
  /** Sync tokens older than this answer 410 fullSyncRequired (default 30 days of the sandbox clock). */
  syncTokenMaxAgeDays?: number;
}

/** The Google service as the sandbox wires it. */
export type GoogleCalendarService = SandboxService & {
  /** Replaces the state: the users' primary calendars, and for `demo` a second calendar each and events. */
  seed(kind: 'empty' | 'demo', users: string[]): void;
  /** Expires every sync token handed out so far, so the next incremental list answers 410. */
  invalidateSyncTokens(): void;
};

function isState(value: unknown): value is GoogleState {
  const state = value as Partial<GoogleState> | null;
  return (
    typeof state === 'object' &&
    state !== null &&
    state.version === 1 &&
    typeof state.epoch === 'string' &&
    typeof state.seq === 'number' &&
    typeof state.calendars === 'object' &&
    typeof state.events === 'object'
  );
}

/** Creates the Google Calendar stand-in with empty state; call `seed` or `restore` next. */
export function createGoogleCalendarService(
  ctx: SandboxContext,
  options: GoogleCalendarOptions = {},
): GoogleCalendarService {
  const store = new EventStore(ctx);
  const quota = new UserQuota(options.quotaPerMinute ?? 600);
  const guard = createGuard(ctx, quota);
  const listOptions = { syncTokenMaxAgeMs: (options.syncTokenMaxAgeDays ?? 30) * 86_400_000 };
  return {
    name: 'google',
    prefix: '/google',
    routes: [...calendarRoutes(store, guard), ...eventRoutes(store, ctx, guard, listOptions)],
    snapshot: () => structuredClone(store.state),
    restore(snapshot) {
      if (!isState(snapshot))
        throw new Error('The saved Google Calendar state is not one this sandbox wrote.');
      store.state = structuredClone(snapshot);
      quota.clear();
    },
    seed(kind, users) {
      quota.clear();
      seedGoogle(store, kind, users, ctx.now());
    },
    invalidateSyncTokens() {
      store.state.epoch = EventStore.newEpoch(ctx.now());
      ctx.changed();
    },
  };
}
