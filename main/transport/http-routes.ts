/**
 * The agent API's HTTP routes (shared/API.md §2): each maps a method and path to a contract operation and says
 * how the operation's input is assembled from path parameters and the JSON body.
 */
import type { OperationName } from '../../preload/contract';

export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below /api with `:name` segments. */
  pattern: string;
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

const none = () => ({});
const fromBody = (_params: Record<string, string>, body: unknown) => body ?? {};
const fromParams = (params: Record<string, string>) => params;

export const httpRoutes: HttpRoute[] = [
  { method: 'POST', pattern: '/calendars/connect', op: 'connect', input: fromBody },
  { method: 'GET', pattern: '/calendars', op: 'list', input: none },
  { method: 'PUT', pattern: '/calendars/:calendar_id', op: 'update', input: bodyWith },
  { method: 'DELETE', pattern: '/calendars/:calendar_id', op: 'disconnect', input: fromParams },
  { method: 'GET', pattern: '/calendars/:calendar_id/preview', op: 'preview', input: fromParams },
  { method: 'POST', pattern: '/calendars/:calendar_id/review', op: 'review', input: bodyWith },
  { method: 'POST', pattern: '/sync', op: 'syncNow', input: fromBody },
  { method: 'GET', pattern: '/conflicts', op: 'conflicts', input: none },
  { method: 'POST', pattern: '/conflicts/:id/resolve', op: 'resolveConflict', input: bodyWith },
  { method: 'GET', pattern: '/runs', op: 'runs', input: none },
  { method: 'POST', pattern: '/runs/:run_id/undo', op: 'undo', input: fromParams },
  { method: 'GET', pattern: '/accounts', op: 'accounts', input: none },
  { method: 'POST', pattern: '/accounts/:provider/sign-in', op: 'signIn', input: fromParams },
  { method: 'DELETE', pattern: '/accounts/:account_id', op: 'removeAccount', input: fromParams },
  { method: 'GET', pattern: '/accounts/:account_id/calendars', op: 'accountCalendars', input: fromParams },
  { method: 'PUT', pattern: '/sched', op: 'configureSched', input: fromBody },
  { method: 'GET', pattern: '/sched/resources', op: 'schedResources', input: none },
  { method: 'GET', pattern: '/settings', op: 'getSettings', input: none },
  { method: 'PUT', pattern: '/settings', op: 'updateSettings', input: fromBody },
  { method: 'GET', pattern: '/status', op: 'status', input: none },
];

/** Finds the route for a request; `allowed` lists the methods of a path that exists but not with this method. */
export function matchRoute(
  method: string,
  path: string,
): { route: HttpRoute; params: Record<string, string> } | { route: null; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of httpRoutes) {
    const params = matchPattern(route.pattern, path);
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
