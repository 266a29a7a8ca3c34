/**
 * Counts the API requests a run spends on one side (shared/SYNC.md, "Activity": requests used). A provider that
 * knows its own figure (paging, retries, `$batch`) exposes `requestCount()`; otherwise every port call counts as one.
 */
import type { CalendarProvider, CreateRequest, ListRequest, ListResult } from '../providers/port';
import type { ItemFields, Side, SyncItem } from '../sync';
import type { RequestCounting } from './types';

function countsItself(provider: CalendarProvider): provider is CalendarProvider & RequestCounting {
  return typeof (provider as Partial<RequestCounting>).requestCount === 'function';
}

/** A `CalendarProvider` that passes every call through and keeps a tally of requests since it was made. */
export class CountingProvider implements CalendarProvider {
  readonly side: Side;
  private calls = 0;
  private readonly baseline: number;

  constructor(private readonly inner: CalendarProvider) {
    this.side = inner.side;
    this.baseline = countsItself(inner) ? inner.requestCount() : 0;
  }

  /** Requests spent through this wrapper. */
  requests(): number {
    return countsItself(this.inner) ? this.inner.requestCount() - this.baseline : this.calls;
  }

  listChanges(request: ListRequest): Promise<ListResult> {
    this.calls += 1;
    return this.inner.listChanges(request);
  }

  get(id: string): Promise<SyncItem | null> {
    this.calls += 1;
    return this.inner.get(id);
  }

  create(request: CreateRequest): Promise<SyncItem> {
    this.calls += 1;
    return this.inner.create(request);
  }

  update(id: string, fields: ItemFields, options: { ifMatch: string }): Promise<SyncItem> {
    this.calls += 1;
    return this.inner.update(id, fields, options);
  }

  delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    this.calls += 1;
    return this.inner.delete(id, options);
  }
}
