/**
 * Wraps every Google route: bearer token checked with the OAuth stand-in (Google tokens only), the
 * per-user quota, and GoogleApiError → Google's error body.
 */
import type { RouteHandler, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { errorResponse, GoogleApiError } from './errors';
import type { UserQuota } from './quota';

/** A Google handler, called with the signed-in user's e-mail. */
export type GoogleHandler = (req: SandboxRequest, user: string) => SandboxResponse | Promise<SandboxResponse>;

function unauthenticated(): GoogleApiError {
  return new GoogleApiError(
    401,
    'authError',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  );
}

function bearerToken(req: SandboxRequest): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Makes the route wrapper for one service instance. */
export function createGuard(ctx: Pick<SandboxContext, 'verifyAccessToken' | 'now'>, quota: UserQuota) {
  return (handler: GoogleHandler): RouteHandler =>
    async (req) => {
      try {
        const token = bearerToken(req);
        const owner = token ? await ctx.verifyAccessToken(token) : null;
        if (!owner || owner.provider !== 'google') throw unauthenticated();
        if (!quota.take(owner.user, ctx.now().getTime())) {
          throw new GoogleApiError(403, 'userRateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits');
        }
        return await handler(req, owner.user);
      } catch (error) {
        if (error instanceof GoogleApiError) return errorResponse(error);
        // Unexpected failures still answer in Google's format, with the cause for whoever reads the body.
        const cause = error instanceof Error ? error.message : String(error);
        return errorResponse(new GoogleApiError(500, 'backendError', `Backend Error: ${cause}`));
      }
    };
}

/** A path parameter, percent-decoded once (googleapis encodes `@` in calendar ids). */
export function param(req: SandboxRequest, name: string): string {
  const value = req.params[name] ?? '';
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
