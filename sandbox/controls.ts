/**
 * The sandbox's own controls under `/sandbox` (API.md §4): info, tokens for seeded users, faults, stats,
 * reset and revocation. They are never faulted or counted, so a test can always undo what it set.
 */
import { isFaultSpecError, parseFaultSpec, type FaultInjector } from './core/faults';
import type { SandboxInfo } from './core/info';
import type { RequestStats } from './core/stats';
import type { Route, SandboxResponse } from './core/types';

type Provider = 'google' | 'microsoft';

/** What the controls act on; the sandbox passes its parts in. */
export interface ControlsDeps {
  info(): SandboxInfo;
  users: Record<Provider, readonly string[]>;
  issueTokens(
    provider: Provider,
    user: string,
    opts?: { expiresInSeconds?: number },
  ): Promise<{ refresh_token: string; access_token: string }>;
  revoke(provider: Provider, user: string): Promise<void>;
  faults: FaultInjector;
  stats: RequestStats;
  /** Puts every API stand-in back to the seed the sandbox started with. */
  reset(): Promise<void>;
  /** Makes every sync token of that service answer 410 from now on. */
  expireSyncTokens(target: 'sched' | 'google' | 'microsoft'): void;
  /** The sandbox clock's current time. */
  now(): Date;
  /** Moves the sandbox clock; returns the new time. */
  advanceClock(ms: number): Date;
}

function badRequest(field: string, message: string): SandboxResponse {
  return {
    status: 400,
    body: { error: { code: 'validation_error', message: `${field}: ${message}`, field } },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{provider, user}` and checks the user is one of that provider's seeded accounts. */
function readAccount(
  body: unknown,
  users: ControlsDeps['users'],
): { provider: Provider; user: string } | SandboxResponse {
  if (!isRecord(body)) return badRequest('body', 'send a JSON object with provider and user.');
  if (body.provider !== 'google' && body.provider !== 'microsoft') {
    return badRequest('provider', 'must be "google" or "microsoft".');
  }
  const known = users[body.provider];
  if (typeof body.user !== 'string' || !known.includes(body.user)) {
    return badRequest('user', `must be one of the seeded ${body.provider} users: ${known.join(', ')}.`);
  }
  return { provider: body.provider, user: body.user };
}

/** The control routes, below the `/sandbox` prefix. */
export function controlRoutes(deps: ControlsDeps): Route[] {
  return [
    { method: 'GET', pattern: '/info', handler: () => ({ status: 200, body: deps.info() }) },
    {
      method: 'POST',
      pattern: '/tokens',
      handler: async (req) => {
        const account = readAccount(req.body, deps.users);
        if ('status' in account) return account;
        const expires = isRecord(req.body) ? req.body.expires_in_seconds : undefined;
        if (expires !== undefined && (!Number.isInteger(expires) || (expires as number) < 1)) {
          return badRequest('expires_in_seconds', 'must be a whole number of seconds, 1 or more.');
        }
        const tokens = await deps.issueTokens(account.provider, account.user, {
          expiresInSeconds: expires as number | undefined,
        });
        return { status: 200, body: tokens };
      },
    },
    {
      method: 'POST',
      pattern: '/revoke',
      handler: async (req) => {
        const account = readAccount(req.body, deps.users);
        if ('status' in account) return account;
        await deps.revoke(account.provider, account.user);
        return { status: 200, body: { revoked: true, ...account } };
      },
    },
    {
      method: 'GET',
      pattern: '/faults',
      handler: () => ({ status: 200, body: { faults: deps.faults.list() } }),
    },
    {
      method: 'POST',
      pattern: '/faults',
      handler: (req) => {
        const spec = parseFaultSpec(req.body);
        if (isFaultSpecError(spec)) return badRequest(spec.field, spec.message);
        deps.faults.set(spec);
        return { status: 200, body: { faults: deps.faults.list() } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/faults',
      handler: () => {
        deps.faults.clear();
        return { status: 200, body: { faults: [] } };
      },
    },
    {
      method: 'GET',
      pattern: '/stats',
      handler: () => ({ status: 200, body: { requests: deps.stats.report() } }),
    },
    {
      method: 'POST',
      pattern: '/stats/reset',
      handler: () => {
        deps.stats.reset();
        return { status: 200, body: { requests: [] } };
      },
    },
    {
      method: 'POST',
      pattern: '/reset',
      handler: async () => {
        await deps.reset();
        return { status: 200, body: { message: 'The sandbox is back to its seed.' } };
      },
    },
    {
      method: 'POST',
      pattern: '/sync-tokens/expire',
      handler: (req) => {
        const target = isRecord(req.body) ? req.body.target : undefined;
        if (target !== 'sched' && target !== 'google' && target !== 'microsoft')
          return badRequest('target', 'must be "sched", "google" or "microsoft".');
        deps.expireSyncTokens(target);
        return { status: 200, body: { expired: target } };
      },
    },
    {
      // The agent's clock in Sandbox mode (SYNC.md), so time a test moves here moves for the agent too.
      method: 'GET',
      pattern: '/clock',
      handler: () => ({ status: 200, body: { now: deps.now().toISOString() } }),
    },
    {
      method: 'POST',
      pattern: '/clock',
      handler: (req) => {
        const seconds = isRecord(req.body) ? req.body.advance_seconds : undefined;
        if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
          return badRequest('advance_seconds', 'must be a number of seconds.');
        }
        return { status: 200, body: { now: deps.advanceClock(seconds * 1000).toISOString() } };
      },
    },
  ];
}
