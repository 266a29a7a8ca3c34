/**
 * Matches a path below a service prefix against route patterns with `:name` segments. When several patterns
 * fit, the one with literal segments earliest wins, so `/calendars/connect` beats `/calendars/:calendar_id`.
 */
import type { Route } from './types';

/** The outcome of matching one request. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; pattern: string; allow: string[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = path[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = decode(actual);
    else if (expected !== actual) return null;
  }
  return params;
}

/** Lower sorts first: a literal segment where the other has a parameter makes a pattern more specific. */
function compareSpecificity(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const aParam = (a[i] as string).startsWith(':');
    const bParam = (b[i] as string).startsWith(':');
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return 0;
}

/** A route table for one service. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes
      .map((route) => ({ route, segments: split(route.pattern) }))
      .sort((a, b) => compareSpecificity(a.segments, b.segments));
  }

  /** Finds the route for a method and path, or says why there is none. */
  match(method: string, path: string): RouteMatch {
    const pathSegments = split(path);
    let pathMatch: { pattern: string; segments: string[] } | undefined;
    const allow = new Set<string>();
    for (const candidate of this.compiled) {
      const params = matchSegments(candidate.segments, pathSegments);
      if (!params) continue;
      if (candidate.route.method.toUpperCase() === method.toUpperCase()) {
        return { kind: 'found', route: candidate.route, params };
      }
      // A 405 names the most specific pattern that fit the path, and every method any fitting pattern takes.
      pathMatch ??= { pattern: candidate.route.pattern, segments: candidate.segments };
      allow.add(candidate.route.method.toUpperCase());
    }
    if (pathMatch) return { kind: 'method-not-allowed', pattern: pathMatch.pattern, allow: [...allow] };
    return { kind: 'not-found' };
  }
}
