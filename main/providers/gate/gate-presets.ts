/**
 * The published limits per service (SYNC.md, "Being a good API citizen"), as gate options an adapter spreads
 * and may override. https://developers.google.com/calendar/api/guides/quota ·
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits
 */
import type { RequestGateOptions } from './request-gate';

type Limits = Pick<RequestGateOptions, 'rateLimit' | 'maxConcurrent'>;

/**
 * Google: 600 queries per minute per user, counted over a sliding minute. A bucket lets through at most its burst
 * plus a minute's refill in any minute, so 540 a minute with bursts of 60 never passes 600.
 */
export const googleLimits: Limits = { rateLimit: { limit: 540, intervalMs: 60_000, burst: 60 } };

/** Graph (Outlook): 4 concurrent requests and 10,000 per 10 minutes per app and mailbox. */
export const microsoftLimits: Limits = {
  maxConcurrent: 4,
  rateLimit: { limit: 10_000, intervalMs: 600_000, burst: 200 },
};

/** Sched publishes no per-client limit; it answers 429 with `Retry-After`, which the gate honours. */
export const schedLimits: Limits = { maxConcurrent: 4 };
