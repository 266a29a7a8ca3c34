/**
 * Makes every item a provider returns look the way its side can hold it (main/sync/capabilities.ts): a Sched item's
 * location is always empty, whatever a fake or a future API answers. Every hash the engine stores is then computed
 * over the same fields the planner compares, so nothing the side cannot hold ever shows up as a change.
 */
import type { CalendarProvider, CreateRequest, ListRequest, ListResult } from '../providers/port';
import type { ItemFields, SideCapabilities, SyncItem } from '../sync';
import { heldFields } from '../sync';

/**
 * What a provider's side can hold. A provider may say so itself with a boolean `storesLocation`; otherwise Sched
 * holds no location (shared/API.md §3, bookings have no such field) and calendars do.
 */
export function capabilitiesOfProvider(provider: CalendarProvider): SideCapabilities {
  const declared = (provider as { storesLocation?: unknown }).storesLocation;
  const storesLocation = typeof declared === 'boolean' ? declared : provider.side !== 'sched';
  return { storesLocation };
}

/** A `CalendarProvider` that passes every call through and reduces returned items to what the side can hold. */
export class HeldFieldsProvider implements CalendarProvider {
  readonly side: CalendarProvider['side'];

  constructor(
    private readonly inner: CalendarProvider,
    readonly capabilities: SideCapabilities,
  ) {
    this.side = inner.side;
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    const result = await this.inner.listChanges(request);
    return { ...result, items: result.items.map((item) => this.held(item)) };
  }

  async get(id: string): Promise<SyncItem | null> {
    const item = await this.inner.get(id);
    return item ? this.held(item) : null;
  }

  async create(request: CreateRequest): Promise<SyncItem> {
    return this.held(await this.inner.create(request));
  }

  async update(id: string, fields: ItemFields, options: { ifMatch: string }): Promise<SyncItem> {
    return this.held(await this.inner.update(id, fields, options));
  }

  delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    return this.inner.delete(id, options);
  }

  private held(item: SyncItem): SyncItem {
    return heldFields(item, this.capabilities);
  }
}
