/**
 * The published limits per service (SYNC.md, "Being a good API citizen"), as gate options an adapter spreads
 * and may override. https://developers.google.com/calendar/api/guides/quota ·
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits
 */
import type { RequestGateOptions } from './request-gate';

type Limits = Pick<RequestGateOptions, 'rateLimit' | 'maxConcurrent'>;

/** Share of a published quota the agent uses, so clock skew and the service's own counting never tip it over. */
export const quotaMargin = 0.95;

/** Google: 600 queries per minute per user over a sliding minute; 570 with the margin, all at once if need be. */
export const googleLimits: Limits = {
  rateLimit: { limit: Math.floor(600 * quotaMargin), windowMs: 60_000 },
};

/** Graph (Outlook): 4 concurrent requests and 10,000 per 10 minutes per app and mailbox (9,500 with the margin). */
export const microsoftLimits: Limits = {
  maxConcurrent: 4,
  rateLimit: { limit: Math.floor(10_000 * quotaMargin), windowMs: 600_000 },
};

/** Sched publishes no per-client limit; it answers 429 with `Retry-After`, which the gate honours. */
export const schedLimits: Limits = { maxConcurrent: 4 };
