/**
 * Counts the HTTP requests the agent sends to the sandbox, by service, and the answers that refused it for going
 * too fast (429, or Google's 403 `rateLimitExceeded`/`userRateLimitExceeded`). It wraps the global `fetch`, which
 * gaxios, the Graph client and the Sched client all use.
 */

/** What one stretch of requests came to. */
export interface FetchTally {
  /** Restores the wrapped `fetch` and returns the counts. */
  stop(): { byService: Record<string, number>; refusals: number; sentAt: Record<string, number[]> };
}

function serviceOf(url: string, root: string): string | undefined {
  if (!url.startsWith(root)) return undefined;
  const path = url.slice(root.length);
  if (path.startsWith('/calendar/')) return 'google';
  if (path.startsWith('/graph/')) return 'microsoft';
  if (path.startsWith('/sched/')) return 'sched';
  if (path.startsWith('/oauth/')) return 'oauth';
  return 'other';
}

/** Starts counting requests to the sandbox at `root` (its base URL). */
export function countFetches(root: string): FetchTally {
  const original = globalThis.fetch;
  const byService: Record<string, number> = {};
  /** When each request left, per service (ms, `performance.now()`), for per-minute rates. */
  const sentAt: Record<string, number[]> = {};
  let refusals = 0;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const service = serviceOf(url, root);
    if (service) {
      byService[service] = (byService[service] ?? 0) + 1;
      (sentAt[service] ??= []).push(performance.now());
    }
    const response = await original(input, init);
    if (service && (response.status === 429 || response.status === 403)) {
      const text = await response.clone().text();
      if (response.status === 429 || /rateLimitExceeded/i.test(text)) refusals += 1;
    }
    return response;
  };
  return {
    stop() {
      globalThis.fetch = original;
      return { byService, refusals, sentAt };
    },
  };
}
