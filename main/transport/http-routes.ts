/**
 * The agent API's HTTP routes (shared/API.md §2), read off the contract's operation map: each operation's method
 * and path, and how its input is assembled from path parameters and the JSON body.
 */
import { operationNames, operations, type HttpRoute, type OperationName } from '../../preload/contract';

/** A route of the contract with the operation it serves. */
export interface MatchedRoute extends HttpRoute {
  op: OperationName;
  /** Builds the operation input; path parameters win over body fields of the same name. */
  input(params: Record<string, string>, body: unknown): unknown;
}

const bodyWith = (params: Record<string, string>, body: unknown): unknown =>
  body !== null && typeof body === 'object' && !Array.isArray(body)
    ? { ...body, ...params }
    : body === undefined
      ? params
      : body;

const paramsOnly = (params: Record<string, string>) => params;

/** Every route, in the contract's order. */
export const httpRoutes: MatchedRoute[] = operationNames.map((op) => {
  const http: HttpRoute = operations[op].http;
  const takesBody = (http.method === 'POST' || http.method === 'PUT') && http.body !== false;
  return { ...http, op, input: takesBody ? bodyWith : paramsOnly };
});

/** Finds the route for a request; `allowed` lists the methods of a path that exists but not with this method. */
export function matchRoute(
  method: string,
  path: string,
): { route: MatchedRoute; params: Record<string, string> } | { route: null; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of httpRoutes) {
    const params = matchPattern(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { route: null, allowed };
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}
