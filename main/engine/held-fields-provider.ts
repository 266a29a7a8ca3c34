/**
 * Makes every item a provider returns look the way its side can hold it (main/sync/capabilities.ts): a Sched item's
 * location is always empty, whatever a fake or a future API answers. What a side holds is its port's `capabilities`.
 * Every hash the engine stores is then computed over the same fields the planner compares, so nothing the side
 * cannot hold ever shows up as a change.
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
import type { ItemFields, SchedKind, SideCapabilities, SyncItem } from '../sync';
import { heldFields } from '../sync';

/** A `CalendarProvider` that passes every call through and reduces returned items to what the side can hold. */
export class HeldFieldsProvider implements CalendarProvider {
  readonly side: CalendarProvider['side'];
  readonly capabilities: SideCapabilities;
  readonly writeConcurrency?: number;

  constructor(private readonly inner: CalendarProvider) {
    this.side = inner.side;
    this.capabilities = inner.capabilities;
    this.writeConcurrency = inner.writeConcurrency;
  }

  requestCount(): number {
    return this.inner.requestCount();
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    const result = await this.inner.listChanges(request);
    return { ...result, items: result.items.map((item) => this.held(item)) };
  }

  async get(id: string): Promise<SyncItem | null> {
    const item = await this.inner.get(id);
    return item ? this.held(item) : null;
  }

  async locate(id: string): Promise<SyncItem | null> {
    const item = await (this.inner.locate ? this.inner.locate(id) : this.inner.get(id));
    return item ? this.held(item) : null;
  }

  keeps(fields: ItemFields, kind?: SchedKind): ItemFields {
    return heldFields(this.inner.keeps ? this.inner.keeps(fields, kind) : fields, this.capabilities);
  }

  async create(request: CreateRequest): Promise<SyncItem> {
    return this.held(await this.inner.create(request));
  }

  async listMadeFrom(calendar: CalendarRef, kind?: SchedKind): Promise<SyncItem[]> {
    const items = this.inner.listMadeFrom ? await this.inner.listMadeFrom(calendar, kind) : [];
    return items.map((item) => this.held(item));
  }

  async listTagged(connectionId: string): Promise<SyncItem[]> {
    const items = this.inner.listTagged ? await this.inner.listTagged(connectionId) : [];
    return items.map((item) => this.held(item));
  }

  async update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    return this.held(await this.inner.update(id, fields, options));
  }

  delete(id: string, options?: DeleteOptions): Promise<void> {
    return this.inner.delete(id, options);
  }

  private held(item: SyncItem): SyncItem {
    return heldFields(item, this.capabilities);
  }
}
