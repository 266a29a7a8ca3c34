/**
 * The `startDateTime`/`endDateTime` window of calendarView, its delta and instances: both required, ISO 8601
 * with an offset or Z (a bare local time is read as UTC, as Graph does without `Prefer: outlook.timezone`).
 */
import type { SandboxRequest } from '../core/types';
import { fail } from './errors';

export interface ViewWindow {
  startDateTime: string;
  endDateTime: string;
  fromMs: number;
  toMs: number;
}

function instant(name: string, value: string | null): number {
  if (value === null || value === '') {
    fail(
      `This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.`,
      'ErrorInvalidParameter',
    );
  }
  const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms))
    fail(`The value '${value}' of parameter '${name}' is invalid.`, 'ErrorInvalidParameter');
  return ms;
}

/** The window a request asks for (query parameter names are case-insensitive in Graph). */
export function windowOf(req: SandboxRequest): ViewWindow {
  const get = (name: string): string | null => {
    for (const [k, v] of req.query.entries()) if (k.toLowerCase() === name.toLowerCase()) return v;
    return null;
  };
  const startDateTime = get('startDateTime') ?? '';
  const endDateTime = get('endDateTime') ?? '';
  const fromMs = instant('startDateTime', startDateTime);
  const toMs = instant('endDateTime', endDateTime);
  if (toMs < fromMs) fail('The EndDateTime must be later than the StartDateTime.', 'ErrorInvalidParameter');
  return { startDateTime, endDateTime, fromMs, toMs };
}
