/**
 * Retry delays: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"),
 * and the `Retry-After` header read as seconds or an HTTP date (RFC 9110 §10.2.3).
 */

/** Full jitter: a uniformly random delay in `[0, min(maxMs, baseMs · 2^retry))`; `retry` counts from 0. */
export function fullJitterDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Milliseconds to wait from a `Retry-After` value at `nowMs`; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
