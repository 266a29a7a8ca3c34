/**
 * Injected failures per target service (API.md §4): an HTTP error, a dropped connection or a slow answer,
 * for a fraction of requests (`rate`) or for the next `count` requests. The server asks before each request
 * below a service prefix; `/sandbox/*` is never faulted so a test can always clear what it set.
 */
import type { ServiceName } from './types';

/** What a fault does to a request. */
export type FaultStatus = 429 | 500 | 503 | 'reset' | 'slow';

/** A fault as `POST /sandbox/faults` takes it. */
export interface FaultSpec {
  target: ServiceName;
  status: FaultStatus;
  rate?: number;
  count?: number;
  /** Seconds for the `Retry-After` header of a 429 or 503. */
  retry_after?: number;
  /** How long a `slow` fault holds the request before answering normally. */
  delay_ms?: number;
}

/** A body field that failed validation, so the 400 can name it. */
export interface FaultSpecError {
  field: string;
  message: string;
}

const TARGETS: readonly ServiceName[] = ['sched', 'google', 'microsoft', 'oauth'];
const STATUSES: readonly FaultStatus[] = [429, 500, 503, 'reset', 'slow'];

/** The default hold of a `slow` fault: long enough for a client timeout test, short enough for a suite. */
export const DEFAULT_SLOW_MS = 3000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a `POST /sandbox/faults` body. */
export function parseFaultSpec(body: unknown): FaultSpec | FaultSpecError {
  if (!isRecord(body)) return { field: 'body', message: 'Send a JSON object.' };
  const { target, status, rate, count, retry_after, delay_ms } = body;
  if (!TARGETS.includes(target as ServiceName)) {
    return { field: 'target', message: `target must be one of ${TARGETS.join(', ')}.` };
  }
  if (!STATUSES.includes(status as FaultStatus)) {
    return { field: 'status', message: 'status must be 429, 500, 503, "reset" or "slow".' };
  }
  if (rate === undefined && count === undefined) {
    return { field: 'rate', message: 'Give rate (0..1) or count.' };
  }
  if (rate !== undefined && count !== undefined) {
    return { field: 'count', message: 'Give rate or count, not both.' };
  }
  if (rate !== undefined && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))) {
    return { field: 'rate', message: 'rate must be a number from 0 to 1.' };
  }
  if (count !== undefined && (!Number.isInteger(count) || (count as number) < 1)) {
    return { field: 'count', message: 'count must be a whole number of 1 or more.' };
  }
  if (retry_after !== undefined && (!Number.isInteger(retry_after) || (retry_after as number) < 0)) {
    return { field: 'retry_after', message: 'retry_after must be a whole number of seconds.' };
  }
  if (delay_ms !== undefined && (!Number.isInteger(delay_ms) || (delay_ms as number) < 0)) {
    return { field: 'delay_ms', message: 'delay_ms must be a whole number of milliseconds.' };
  }
  const spec: FaultSpec = { target: target as ServiceName, status: status as FaultStatus };
  if (rate !== undefined) spec.rate = rate as number;
  if (count !== undefined) spec.count = count as number;
  if (retry_after !== undefined) spec.retry_after = retry_after as number;
  if (delay_ms !== undefined) spec.delay_ms = delay_ms as number;
  return spec;
}

/** Tells a parsed spec from a validation error. */
export function isFaultSpecError(value: FaultSpec | FaultSpecError): value is FaultSpecError {
  return 'field' in value;
}

/** The active faults, one per target; a new fault for a target replaces the old one. */
export class FaultInjector {
  private readonly active = new Map<ServiceName, FaultSpec>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Arms a fault. */
  set(spec: FaultSpec): void {
    this.active.set(spec.target, { ...spec });
  }

  /** Disarms every fault. */
  clear(): void {
    this.active.clear();
  }

  /** The armed faults, with the requests left for `count` faults. */
  list(): FaultSpec[] {
    return [...this.active.values()].map((spec) => ({ ...spec }));
  }

  /** Decides whether this request to `target` fails, using up one of a `count` fault. */
  take(target: ServiceName): FaultSpec | undefined {
    const spec = this.active.get(target);
    if (!spec) return undefined;
    if (spec.count !== undefined) {
      spec.count -= 1;
      if (spec.count <= 0) this.active.delete(target);
      return { ...spec };
    }
    return this.random() < (spec.rate ?? 0) ? { ...spec } : undefined;
  }
}

/** The error body a client of that service expects, so its own error handling sees a familiar shape. */
export function faultBody(target: ServiceName, status: number): unknown {
  const message = `Sandbox fault injected: ${status}.`;
  switch (target) {
    case 'google': {
      const reason = status === 429 ? 'rateLimitExceeded' : 'backendError';
      const state = status === 429 ? 'RESOURCE_EXHAUSTED' : status === 503 ? 'UNAVAILABLE' : 'INTERNAL';
      return {
        error: { code: status, message, errors: [{ domain: 'global', reason, message }], status: state },
      };
    }
    case 'microsoft': {
      const code =
        status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceNotAvailable' : 'InternalServerError';
      return { error: { code, message, innerError: { date: new Date().toISOString() } } };
    }
    case 'oauth':
      return {
        error: status === 503 ? 'temporarily_unavailable' : 'server_error',
        error_description: message,
      };
    case 'sched': {
      const code = status === 429 ? 'rate_limited' : status === 503 ? 'unavailable' : 'internal_error';
      return { error: { code, message } };
    }
  }
}
