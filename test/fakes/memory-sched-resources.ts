/**
 * Sched with several resources in memory: one `MemoryProvider` holds every booking, and `resource(id)` gives the
 * `CalendarProvider` of one resource, as the Sched provider behaves: a full read lists that resource's bookings, a
 * booking of another resource is gone from it (the feed reports it deleted, `get` answers null), creates land on it,
 * and an update through it moves the booking there (Sched's `PUT /bookings/{id}` with `resource_id`).
 */
import { timeToEpochMs, type ItemFields, type SyncItem } from '../../main/sync';
import type {
  CalendarProvider,
  CreateRequest,
  ListRequest,
  ListResult,
  UpdateOptions,
} from '../../main/providers/port';
import { SlotUnavailableError } from '../../main/providers/port';
import { MemoryProvider, type MemoryProviderOptions } from './memory-provider';

/** Every booking of every resource, and which resource each belongs to. */
export class MemorySchedResources {
  readonly all: MemoryProvider;
  private readonly resourceOf = new Map<string, string>();

  /** With `slots`, each resource refuses a create or move onto a slot one of its confirmed bookings holds (409). */
  private readonly slots: boolean;

  private readonly zone: string;

  constructor({ slots = false, ...options }: Omit<MemoryProviderOptions, 'side'> & { slots?: boolean }) {
    this.all = new MemoryProvider({ ...options, side: 'sched', rejectOverlaps: false });
    this.slots = slots;
    this.zone = options.zone ?? 'UTC';
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
    const zone = this.zone;
    const checkSlot = (fields: ItemFields, allowOverlap: boolean | undefined, self?: string): void => {
      if (!this.slots || allowOverlap) return;
      const [start, end] = [timeToEpochMs(fields.start, zone), timeToEpochMs(fields.end, zone)];
      const taken = all
        .live()
        .find(
          (b) =>
            b.id !== self &&
            mine(b) &&
            timeToEpochMs(b.start, zone) < end &&
            timeToEpochMs(b.end, zone) > start,
        );
      if (taken) throw new SlotUnavailableError(taken.id);
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
      locate: async (id: string) => {
        const item = await all.get(id);
        const holder = this.resourceOf.get(id);
        return item && holder !== undefined ? { ...item, resourceId: holder } : item;
      },
      create: async (request: CreateRequest) => {
        checkSlot(request.fields, request.allowOverlap);
        return place(await all.create(request));
      },
      update: async (id: string, fields: ItemFields, options: UpdateOptions) => {
        checkSlot(fields, options.allowOverlap, id);
        return place(await all.update(id, fields, options));
      },
      delete: (id: string, options?: { ifMatch?: string }) => all.delete(id, options),
    };
  }
}
