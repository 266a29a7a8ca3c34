/**
 * Matches a method and a path below `/graph` against the Graph routes. The sandbox server does this for
 * HTTP requests; `$batch` needs the same matching in-process for the requests it carries.
 */
import type { GraphRoute } from './route-kit';

export interface RouteMatch {
  route: GraphRoute;
  params: Record<string, string>;
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
      if (g === '') return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** The route for a request, `'method'` when the path exists under another method, or null. */
export function matchRoute(routes: GraphRoute[], method: string, path: string): RouteMatch | 'method' | null {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method.toUpperCase()) return { route, params };
    pathKnown = true;
  }
  return pathKnown ? 'method' : null;
}
