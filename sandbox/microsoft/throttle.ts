/**
 * Outlook's per-mailbox limits as Graph enforces them: at most 4 requests in flight per mailbox (batch items
 * run in parallel and count one each) and 10,000 requests per 10 minutes. Past either, 429 with Retry-After.
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits
 */
import type { SandboxResponse } from '../core/types';
import { graphError } from './errors';

const TEN_MINUTES_MS = 10 * 60 * 1000;

export interface ThrottleOptions {
  maxConcurrentPerMailbox: number;
  maxPerTenMinutes: number;
  now: () => Date;
}

/** Counts requests per mailbox; `acquire` answers null when a request may run, else the 429 to send. */
export class MailboxThrottle {
  private readonly inFlight = new Map<string, number>();
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(private readonly options: ThrottleOptions) {}

  /** Takes a slot for one request, or returns Graph's 429 when the mailbox is over a limit. */
  acquire(mailbox: string): SandboxResponse | null {
    const key = mailbox.toLowerCase();
    const nowMs = this.options.now().getTime();
    let window = this.windows.get(key);
    if (!window || nowMs - window.startMs >= TEN_MINUTES_MS) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.options.maxPerTenMinutes) {
      const wait = Math.max(1, Math.ceil((window.startMs + TEN_MINUTES_MS - nowMs) / 1000));
      return graphError(429, 'TooManyRequests', 'Application is over its request limit for this mailbox.', {
        'retry-after': String(wait),
      });
    }
    const busy = this.inFlight.get(key) ?? 0;
    if (busy >= this.options.maxConcurrentPerMailbox) {
      return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        'retry-after': '1',
      });
    }
    window.count += 1;
    this.inFlight.set(key, busy + 1);
    return null;
  }

  /** Gives back a slot taken by `acquire`. */
  release(mailbox: string): void {
    const key = mailbox.toLowerCase();
    const busy = (this.inFlight.get(key) ?? 1) - 1;
    if (busy <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, busy);
  }
}
