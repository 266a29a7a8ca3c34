/**
 * Graph's error body: `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`.
 * Clients (the Graph SDK's GraphError, our agent) read `code`, so codes follow the ones Graph really sends.
 * https://learn.microsoft.com/graph/errors
 */
import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../core/types';

/** A Graph-shaped error response. */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): SandboxResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, ...headers },
    body: {
      error: {
        code,
        message,
        // `date` is stamped by the service edge from the sandbox clock (see index.ts).
        innerError: { 'request-id': requestId, 'client-request-id': requestId },
      },
    },
  };
}

/** 404 as Exchange words it for a missing item or calendar. */
export function notFound(): SandboxResponse {
  return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** 400 for a request the service cannot accept. */
export function badRequest(message: string, code = 'ErrorInvalidRequest'): SandboxResponse {
  return graphError(400, code, message);
}

/** Thrown from deep helpers (parsers, validators) and turned into a response at the route edge. */
export class GraphRequestError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(JSON.stringify(response.body));
  }
}

/** Shorthand: throw a 400 from a parser. */
export function fail(message: string, code = 'ErrorInvalidRequest'): never {
  throw new GraphRequestError(badRequest(message, code));
}

/** Puts the sandbox clock's time into an error's innerError, as Graph dates every error. */
export function stampErrorDate(response: SandboxResponse, now: Date): SandboxResponse {
  const inner = (response.body as { error?: { innerError?: Record<string, string> } } | undefined)?.error
    ?.innerError;
  if (inner && !inner.date) inner.date = now.toISOString().slice(0, 19);
  return response;
}
