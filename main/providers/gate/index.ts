/** The shared request gate every provider adapter sends its requests through, and the pieces classifiers use. */
export { RequestGate, type RequestGateOptions } from './request-gate';
export { ServiceUnavailableError } from './gate-errors';
export {
  connectionVerdict,
  httpVerdict,
  isConnectionFailure,
  noRetry,
  type RetryClassifier,
  type RetryReason,
  type RetryVerdict,
} from './retry-verdict';
export { fullJitterDelay, parseRetryAfter } from './backoff';
export { SlidingWindow, type RateLimit } from './sliding-window';
export { ConcurrencyLimit } from './concurrency-limit';
export { googleLimits, microsoftLimits, quotaMargin, schedLimits } from './gate-presets';
