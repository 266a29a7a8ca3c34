/** Request counts per service, method and route pattern, as `GET /sandbox/stats` reports them (API.md §4). */
import type { ServiceName } from './types';

/** One row of the stats report. */
export interface RequestCount {
  service: ServiceName;
  method: string;
  route: string;
  count: number;
}

/** Counts requests since the last reset. */
export class RequestStats {
  private readonly counts = new Map<string, RequestCount>();

  /** Counts one request; `route` is the pattern below the service prefix. */
  record(service: ServiceName, method: string, route: string): void {
    const upper = method.toUpperCase();
    const key = `${service} ${upper} ${route}`;
    const row = this.counts.get(key);
    if (row) row.count += 1;
    else this.counts.set(key, { service, method: upper, route, count: 1 });
  }

  /** The rows in a stable order, copied so callers cannot change the counts. */
  report(): RequestCount[] {
    return [...this.counts.values()]
      .map((row) => ({ ...row }))
      .sort((a, b) =>
        a.service === b.service
          ? a.route === b.route
            ? a.method.localeCompare(b.method)
            : a.route.localeCompare(b.route)
          : a.service.localeCompare(b.service),
      );
  }

  /** Starts counting from zero. */
  reset(): void {
    this.counts.clear();
  }
}
