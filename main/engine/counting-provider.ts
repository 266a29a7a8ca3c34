/**
 * Counts the API requests a run spends on one side (shared/SYNC.md, "Activity": requests used): the difference of
 * the provider's own figure (paging, retries, `$batch`) since the wrapper was made.
 */
import type {
  CalendarProvider,
  CalendarRef,
  CreateRequest,
  DeleteOptions,
  ListRequest,
  ListResult,
  UpdateOptions,
} from '../providers/port';
import type { ItemFields, SchedKind, Side, SideCapabilities, SyncItem } from '../sync';

/** A `CalendarProvider` that passes every call through and tells the requests sent since it was made. */
export class CountingProvider implements CalendarProvider {
  readonly side: Side;
  readonly capabilities: SideCapabilities;
  readonly writeConcurrency?: number;
  private readonly baseline: number;

  constructor(private readonly inner: CalendarProvider) {
    this.side = inner.side;
    this.capabilities = inner.capabilities;
    this.writeConcurrency = inner.writeConcurrency;
    this.baseline = inner.requestCount();
  }

  /** Requests spent through this wrapper. */
  requests(): number {
    return this.inner.requestCount() - this.baseline;
  }

  requestCount(): number {
    return this.inner.requestCount();
  }

  listChanges(request: ListRequest): Promise<ListResult> {
    return this.inner.listChanges(request);
  }

  get(id: string): Promise<SyncItem | null> {
    return this.inner.get(id);
  }

  locate(id: string): Promise<SyncItem | null> {
    return this.inner.locate ? this.inner.locate(id) : this.inner.get(id);
  }

  keeps(fields: ItemFields, kind?: SchedKind): ItemFields {
    return this.inner.keeps ? this.inner.keeps(fields, kind) : fields;
  }

  create(request: CreateRequest): Promise<SyncItem> {
    return this.inner.create(request);
  }

  async listMadeFrom(calendar: CalendarRef, kind?: SchedKind): Promise<SyncItem[]> {
    return this.inner.listMadeFrom ? this.inner.listMadeFrom(calendar, kind) : [];
  }

  async listTagged(connectionId: string): Promise<SyncItem[]> {
    return this.inner.listTagged ? this.inner.listTagged(connectionId) : [];
  }

  update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    return this.inner.update(id, fields, options);
  }

  delete(id: string, options?: DeleteOptions): Promise<void> {
    return this.inner.delete(id, options);
  }
}
