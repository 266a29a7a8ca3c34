/**
 * Sched with several resources in memory: one `MemoryProvider` holds every booking, and `resource(id)` gives the
 * `CalendarProvider` of one resource, as the Sched provider behaves: a full read lists that resource's bookings, a
 * booking of another resource is gone from it (the feed reports it deleted, `get` answers null), creates land on it,
 * and an update through it moves the booking there (Sched's `PUT /bookings/{id}` with `resource_id`).
 */
import type { ItemFields, SyncItem } from '../../main/sync';
import type { CalendarProvider, CreateRequest, ListRequest, ListResult } from '../../main/providers/port';
import { MemoryProvider, type MemoryProviderOptions } from './memory-provider';

/** Every booking of every resource, and which resource each belongs to. */
export class MemorySchedResources {
  readonly all: MemoryProvider;
  private readonly resourceOf = new Map<string, string>();

  constructor(options: Omit<MemoryProviderOptions, 'side'>) {
    this.all = new MemoryProvider({ ...options, side: 'sched' });
  }

  /** A person books `fields` on `resourceId` in Sched. */
  add(resourceId: string, fields: ItemFields): SyncItem {
    const booking = this.all.add(fields);
    this.resourceOf.set(booking.id, resourceId);
    return booking;
  }

  /** Titles of the live bookings of one resource, sorted. */
  titles(resourceId: string): string[] {
    return this.all
      .live()
      .filter((booking) => this.resourceOf.get(booking.id) === resourceId)
      .map((booking) => booking.title)
      .sort();
  }

  /** The provider of one resource. */
  resource(resourceId: string): CalendarProvider {
    const all = this.all;
    const mine = (item: SyncItem): boolean => this.resourceOf.get(item.id) === resourceId;
    const place = (item: SyncItem): SyncItem => {
      this.resourceOf.set(item.id, resourceId);
      return item;
    };
    return {
      side: 'sched',
      capabilities: all.capabilities,
      requestCount: () => all.requestCount(),
      async listChanges(request: ListRequest): Promise<ListResult> {
        const result = await all.listChanges(request);
        const away = result.full ? [] : result.items.filter((item) => !mine(item)).map((item) => item.id);
        return { ...result, items: result.items.filter(mine), deleted: [...result.deleted, ...away] };
      },
      async get(id: string) {
        const item = await all.get(id);
        return item && mine(item) ? item : null;
      },
      locate: (id: string) => all.get(id),
      create: async (request: CreateRequest) => place(await all.create(request)),
      update: async (id: string, fields: ItemFields, options: { ifMatch: string }) =>
        place(await all.update(id, fields, options)),
      delete: (id: string, options?: { ifMatch?: string }) => all.delete(id, options),
    };
  }
}
