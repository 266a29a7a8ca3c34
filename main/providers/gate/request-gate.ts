/**
 * One request gate per account (SYNC.md, "Being a good API citizen"): a client-side sliding-window rate limit, a
 * cap on requests in flight (both shrinking after "too fast" answers and growing back with successes), retries with exponential backoff and full jitter on what the provider's classifier calls passing,
 * `Retry-After` honoured, and a count of every attempt for the run summary. Provider-neutral: the adapter passes
 * a classifier for its wire format.
 */
import { RateLimitError } from '../port';
import { fullJitterDelay } from './backoff';
import { ConcurrencyLimit } from './concurrency-limit';
import { ServiceUnavailableError } from './gate-errors';
import type { RetryClassifier, RetryVerdict } from './retry-verdict';
import { SlidingWindow, type RateLimit } from './sliding-window';

/** How a gate behaves; everything but `provider` and `classify` has a default. */
export interface RequestGateOptions {
  /** The service's name as people know it, for error messages ("Google Calendar"). */
  provider: string;
  classify: RetryClassifier;
  /** Client-side rate limit over a sliding window; none when absent. */
  rateLimit?: RateLimit;
  /** Requests in flight at once; unlimited when absent. */
  maxConcurrent?: number;
  /** Attempts per request, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry (default 500 ms); it doubles per retry. */
  baseDelayMs?: number;
  /** Backoff ceiling never exceeds this (default 30 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the request at once with `RateLimitError` (default 60 s). */
  maxRetryAfterMs?: number;
  /** Injected so tests run instantly: epoch ms, a sleep, and [0, 1) randomness. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Rate limit, concurrency cap, retries and request counting for one account. */
export class RequestGate {
  readonly provider: string;
  private readonly classify: RetryClassifier;
  private readonly window?: SlidingWindow;
  private readonly limit?: ConcurrencyLimit;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private attempts = 0;
  /** A `Retry-After` applies to the whole account, so every request waits it out, not just the one refused. */
  private pausedUntil = 0;

  constructor(options: RequestGateOptions) {
    this.provider = options.provider;
    this.classify = options.classify;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.window = options.rateLimit ? new SlidingWindow(options.rateLimit, this.now) : undefined;
    this.limit = options.maxConcurrent ? new ConcurrencyLimit(options.maxConcurrent) : undefined;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  }

  /** Requests sent through this gate, every retry counted, since it was made or last reset. */
  get requests(): number {
    return this.attempts;
  }

  /** Returns the count so far and starts again from zero (the engine does this per run). */
  resetRequests(): number {
    const count = this.attempts;
    this.attempts = 0;
    return count;
  }

  /**
   * Runs `attempt` (one HTTP request) until it succeeds, fails for a reason the classifier will not retry, or the
   * attempts run out: then `RateLimitError` for rate limits, `ServiceUnavailableError` for 5xx and resets.
   * Callers must make `attempt` safe to repeat (idempotency keys, client-chosen ids, `If-Match`). `cost` is what
   * the service counts the request as against its quota (a Graph `$batch` counts each request in it).
   */
  async run<T>(attempt: () => Promise<T>, cost = 1): Promise<T> {
    for (let made = 1; ; made += 1) {
      let verdict: RetryVerdict;
      let failure: unknown;
      // The slot first, then the window: a request is counted when it is really about to go out.
      await this.limit?.acquire();
      try {
        await this.admit(cost);
        this.attempts += 1;
        const answer = await attempt();
        this.window?.recover();
        this.limit?.recover();
        return answer;
      } catch (error) {
        failure = error;
        verdict = this.classify(error, this.now());
      } finally {
        this.limit?.release();
      }
      if (!verdict.retry) throw failure;
      const asked = verdict.retryAfterMs;
      if (verdict.reason === 'rate_limited' || asked !== undefined) this.slowDown(asked === undefined);
      if (asked !== undefined && asked > this.maxRetryAfterMs) throw this.giveUp(verdict, made);
      if (made >= this.maxAttempts) throw this.giveUp(verdict, made);
      if (asked !== undefined) {
        this.pausedUntil = Math.max(this.pausedUntil, this.now() + asked);
      } else {
        await this.sleep(fullJitterDelay(made - 1, this.baseDelayMs, this.maxDelayMs, this.random));
      }
    }
  }

  /** What the rate limit and the concurrency cap allow now, for diagnostics and tests. */
  get pace(): { perWindow: number | undefined; concurrent: number | undefined } {
    return { perWindow: this.window?.allowedNow, concurrent: this.limit?.allowedNow };
  }

  /**
   * The service said "too fast" or asked for a pause: fewer requests in flight until successes bring them back.
   * Without a `Retry-After` (Google's 403 `rateLimitExceeded`) the service named no wait, so the window admits
   * fewer too; with one, the pause it asked for is the slowdown, and shrinking the window as well would stall
   * the account for up to a whole window after a single refusal.
   */
  private slowDown(unasked: boolean): void {
    if (unasked) this.window?.slowDown();
    this.limit?.slowDown();
  }

  /** Waits out any account-wide pause, then for room in the rate-limit window. */
  private async admit(cost: number): Promise<void> {
    for (;;) {
      const paused = this.pausedUntil - this.now();
      if (paused > 0) {
        await this.sleep(paused);
        continue;
      }
      const wait = this.window?.tryTake(cost) ?? 0;
      if (wait === 0) return;
      await this.sleep(wait);
    }
  }

  private giveUp(verdict: Extract<RetryVerdict, { retry: true }>, attempts: number): Error {
    if (verdict.reason === 'rate_limited') return new RateLimitError(this.provider, verdict.retryAfterMs);
    return new ServiceUnavailableError(this.provider, verdict.detail, attempts);
  }
}
