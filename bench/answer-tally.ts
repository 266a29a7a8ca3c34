/**
 * Counts the sandbox's answers as it sends them, by service: when each left and how many refused for going too fast
 * (429, Google's 403 `rateLimitExceeded`/`userRateLimitExceeded`, and 429s inside a Graph `$batch` answer). It taps
 * `ServerResponse#end` in this process, where the bench runs the sandbox, because the clients do not share one
 * `fetch`: gaxios (googleapis) sends through node-fetch, the Graph client and the Sched client through the global one.
 */
import { ServerResponse } from 'node:http';

/** What one stretch of answers came to. */
export interface AnswerTally {
  /** Stops counting and returns the counts. */
  stop(): { byService: Record<string, number>; refusals: number; sentAt: Record<string, number[]> };
}

type Listener = (url: string, status: number, body: string) => void;
const listeners = new Set<Listener>();
let tapped = false;

function tap(): void {
  if (tapped) return;
  tapped = true;
  const original = ServerResponse.prototype.end;
  ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]) {
    if (listeners.size > 0) {
      const chunk = args[0];
      const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
      for (const listener of listeners) listener(this.req?.url ?? '', this.statusCode, body);
    }
    return (original as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof original;
}

function serviceOf(path: string): string | undefined {
  if (path.startsWith('/calendar/')) return 'google';
  if (path.startsWith('/graph/')) return 'microsoft';
  if (path.startsWith('/sched/')) return 'sched';
  if (path.startsWith('/oauth/')) return 'oauth';
  return undefined;
}

function refusalsIn(status: number, body: string): number {
  if (status === 429) return 1;
  if (status === 403 && /rateLimitExceeded/i.test(body)) return 1;
  // A Graph $batch answers 200 with each request's own status inside.
  return (body.match(/"status":\s*429\b/g) ?? []).length;
}

/** Starts counting the answers this process's sandbox sends. */
export function countAnswers(): AnswerTally {
  tap();
  const byService: Record<string, number> = {};
  /** When each answer left, per service (ms, `performance.now()`), for per-minute rates. */
  const sentAt: Record<string, number[]> = {};
  let refusals = 0;
  const listener: Listener = (url, status, body) => {
    const service = serviceOf(url);
    if (!service) return;
    byService[service] = (byService[service] ?? 0) + 1;
    (sentAt[service] ??= []).push(performance.now());
    if (service !== 'sched' && service !== 'oauth') refusals += refusalsIn(status, body);
  };
  listeners.add(listener);
  return {
    stop() {
      listeners.delete(listener);
      return { byService, refusals, sentAt };
    },
  };
}
