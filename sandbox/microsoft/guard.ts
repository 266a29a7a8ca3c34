/**
 * The edge of every Graph route: a bearer token from the Microsoft side of the OAuth stand-in (401 in Graph's
 * words otherwise), a mailbox concurrency slot, and errors thrown by parsers turned into responses.
 */
import type { RouteHandler, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { graphError, GraphRequestError, stampErrorDate } from './errors';
import type { GraphHandler } from './route-kit';
import type { MailboxThrottle } from './throttle';

export interface GuardOptions {
  /** Milliseconds each request holds its mailbox slot, so concurrency limits can be seen (default 0). */
  latencyMs: number;
}

/** Runs a handler, turning a thrown GraphRequestError into its response and dating errors. */
export async function runHandler(
  handler: GraphHandler,
  req: SandboxRequest,
  user: string,
  now: () => Date,
): Promise<SandboxResponse> {
  try {
    return stampErrorDate(await handler(req, user), now());
  } catch (error) {
    if (error instanceof GraphRequestError) return stampErrorDate(error.response, now());
    throw error;
  }
}

/** The mailbox owner a request's bearer token names, or the 401 to send. */
export async function authenticate(
  ctx: SandboxContext,
  req: SandboxRequest,
): Promise<{ user: string } | { response: SandboxResponse }> {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const challenge = {
    'www-authenticate': `Bearer realm="", authorization_uri="${ctx.baseUrl}/oauth/microsoft/auth", error="invalid_token"`,
  };
  if (!token) {
    return {
      response: stampErrorDate(
        graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', challenge),
        ctx.now(),
      ),
    };
  }
  const owner = await ctx.verifyAccessToken(token);
  if (!owner || owner.provider !== 'microsoft') {
    const message = owner
      ? 'Access token validation failure. Invalid audience.'
      : 'Access token validation failure. The token is unknown, expired or revoked.';
    return {
      response: stampErrorDate(graphError(401, 'InvalidAuthenticationToken', message, challenge), ctx.now()),
    };
  }
  return { user: owner.user.toLowerCase() };
}

/** Wraps a Graph handler as a sandbox route handler; `throttled: false` is for `$batch`, whose items count instead. */
export function guard(
  ctx: SandboxContext,
  throttle: MailboxThrottle,
  options: GuardOptions,
  handler: GraphHandler,
  throttled = true,
): RouteHandler {
  return async (req) => {
    const auth = await authenticate(ctx, req);
    if ('response' in auth) return auth.response;
    if (!throttled) return runHandler(handler, req, auth.user, () => ctx.now());
    const refused = throttle.acquire(auth.user);
    if (refused) return stampErrorDate(refused, ctx.now());
    try {
      if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      return await runHandler(handler, req, auth.user, () => ctx.now());
    } finally {
      throttle.release(auth.user);
    }
  };
}
