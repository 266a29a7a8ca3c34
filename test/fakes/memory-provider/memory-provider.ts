/**
 * An in-memory `CalendarProvider` that behaves like the real services where the engine can tell: versions and
 * `If-Match`, a change feed with cursors that can expire (410), tags and `source`, idempotent creates, and on the
 * Sched side overlap refusals (409) and cancel-instead-of-delete. The fake the engine and property tests run on.
 */
import type { ItemFields, ItemStatus, Side, SideCapabilities, SyncItem } from '../../../main/sync';
import { overlapsWindow, timeToEpochMs } from '../../../main/sync';
import type {
  CalendarProvider,
  CreateRequest,
  ListRequest,
  ListResult,
  UpdateOptions,
} from '../../../main/providers/port';
import {
  calendarCapabilities,
  schedCapabilities,
  CursorExpiredError,
  NotFoundError,
  PreconditionFailedError,
  SlotUnavailableError,
} from '../../../main/providers/port';
import { FaultPlan, type ProviderOperation } from './fault-plan';

/** How the fake is set up. */
export interface MemoryProviderOptions {
  side: Side;
  /** Returns the time for `updated` stamps (RFC 3339); tests pass a fake clock. */
  clock: () => string;
  /** Name used in error messages. */
  name?: string;
  /** Prefix of generated ids, so two fakes never share an id. */
  idPrefix?: string;
  /** Zone for all-day items in window and overlap checks. */
  zone?: string;
  /** Refuse creates and moves that overlap a confirmed item (Sched's 409). Default: true on the Sched side. */
  rejectOverlaps?: boolean;
  /** `cancel` keeps the item with status cancelled (Sched); `remove` deletes it (calendars). Default by side. */
  deleteMode?: 'cancel' | 'remove';
  /**
   * Which outright deletions an incremental list reports: `all` of them (Google, Sched), or only those of ids that
   * existed when the cursor was handed out (`known`, as Graph's `calendarView/delta` does). Default: `all`.
   */
  reportsDeletions?: 'all' | 'known';
  /** What the side holds; by side when absent (Sched: no location). */
  capabilities?: SideCapabilities;
}

/**
 * A person's direct edit, bypassing the agent (no `If-Match`, no idempotency); `availability` is how a person
 * marks an event free or busy (Google transparency, Outlook "show as", declining a meeting).
 */
export type PersonEdit = Partial<ItemFields> & { status?: ItemStatus; availability?: 'busy' | 'free' };

/** An in-memory calendar or Sched resource. */
export class MemoryProvider implements CalendarProvider {
  readonly side: Side;
  readonly capabilities: SideCapabilities;
  /** Calls per operation, like a server's request log. */
  readonly requests: Record<ProviderOperation, number> = { list: 0, get: 0, create: 0, update: 0, delete: 0 };
  /** Set a failure for the next call of an operation. */
  readonly faults = new FaultPlan();
  private readonly items = new Map<string, SyncItem>();
  private readonly removed = new Set<string>();
  private readonly byIdempotencyKey = new Map<string, string>();
  private readonly changeLog: string[] = [];
  /** Where in the change log each id first appeared: a cursor at a later position knows the id. */
  private readonly firstLogged = new Map<string, number>();
  private readonly name: string;
  private readonly zone: string;
  private readonly rejectOverlaps: boolean;
  private readonly deleteMode: 'cancel' | 'remove';
  private epoch = 0;
  private counter = 0;

  constructor(private readonly options: MemoryProviderOptions) {
    this.side = options.side;
    this.capabilities =
      options.capabilities ?? (options.side === 'sched' ? schedCapabilities : calendarCapabilities);
    this.name = options.name ?? (options.side === 'sched' ? 'Sched' : 'Calendar');
    this.zone = options.zone ?? 'UTC';
    this.rejectOverlaps = options.rejectOverlaps ?? options.side === 'sched';
    this.deleteMode = options.deleteMode ?? (options.side === 'sched' ? 'cancel' : 'remove');
  }

  /** Every port call counts as one request, failed ones included. */
  requestCount(): number {
    return Object.values(this.requests).reduce((sum, n) => sum + n, 0);
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    this.enter('list');
    const nextCursor = `${this.epoch}:${this.changeLog.length}`;
    if (request.cursor === null) {
      const items = [...this.items.values()].filter(
        (item) => item.status !== 'cancelled' && overlapsWindow(item, request.window, this.zone),
      );
      return { items: items.map(copy), deleted: [], nextCursor, full: true };
    }
    const [epoch, position] = request.cursor.split(':').map(Number);
    if (epoch !== this.epoch || position === undefined || Number.isNaN(position)) {
      throw new CursorExpiredError(this.name);
    }
    const ids = [...new Set(this.changeLog.slice(position))];
    const items = ids.flatMap((id) => {
      const item = this.items.get(id);
      return item ? [copy(item)] : [];
    });
    const deleted = ids.filter(
      (id) => this.removed.has(id) && !this.items.has(id) && this.knownAt(id, position),
    );
    return { items, deleted, nextCursor, full: false };
  }

  async get(id: string): Promise<SyncItem | null> {
    this.enter('get');
    const item = this.items.get(id);
    return item ? copy(item) : null;
  }

  async create(request: CreateRequest): Promise<SyncItem> {
    this.enter('create');
    const earlier = this.byIdempotencyKey.get(request.idempotencyKey);
    const existing = earlier === undefined ? undefined : this.items.get(earlier);
    if (existing) return copy(existing);
    if (this.rejectOverlaps && !request.allowOverlap) {
      const taken = this.overlapping(request.fields);
      if (taken) throw new SlotUnavailableError(taken.id);
    }
    const item = this.store({
      ...fieldsCopy(request.fields),
      id: this.newId(),
      version: '',
      updated: '',
      status: 'confirmed',
      ...(request.tags ? { tags: { ...request.tags } } : {}),
      ...(request.source ? { source: { ...request.source } } : {}),
    });
    this.byIdempotencyKey.set(request.idempotencyKey, item.id);
    return copy(item);
  }

  async update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    this.enter('update');
    const item = this.items.get(id);
    if (!item) throw new NotFoundError(id);
    if (item.version !== options.ifMatch) throw new PreconditionFailedError(id, item.version);
    if (this.rejectOverlaps && !options.allowOverlap) {
      const taken = this.overlapping(fields, id);
      if (taken) throw new SlotUnavailableError(taken.id);
    }
    const tags = options.tags && this.side === 'external' ? { tags: { ...options.tags } } : {};
    return copy(this.store({ ...item, ...fieldsCopy(fields), ...tags }));
  }

  async delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    this.enter('delete');
    const item = this.items.get(id);
    if (!item || item.status === 'cancelled') return;
    if (options?.ifMatch !== undefined && item.version !== options.ifMatch) {
      throw new PreconditionFailedError(id, item.version);
    }
    this.discard(id);
  }

  /** A person creates an item directly (no tags unless given; `availability` as given, absent reads as busy). */
  add(item: Partial<SyncItem> & ItemFields): SyncItem {
    return copy(
      this.store({
        ...item,
        id: item.id ?? this.newId(),
        version: '',
        updated: '',
        status: item.status ?? 'confirmed',
        ...(item.availability ? { availability: item.availability } : {}),
      }),
    );
  }

  /** A person edits an item directly. */
  edit(id: string, patch: PersonEdit): SyncItem {
    const item = this.items.get(id);
    if (!item) throw new NotFoundError(id);
    return copy(this.store({ ...item, ...patch }));
  }

  /** A person deletes an item (cancels it on the Sched side). */
  remove(id: string): void {
    if (!this.items.has(id)) throw new NotFoundError(id);
    this.discard(id);
  }

  /** Makes every cursor handed out so far expire (the next incremental list throws `CursorExpiredError`). */
  expireCursors(): void {
    this.epoch += 1;
  }

  /** Every item, cancelled included, as stored now. */
  all(): SyncItem[] {
    return [...this.items.values()].map(copy);
  }

  /** Items not cancelled. */
  live(): SyncItem[] {
    return this.all().filter((item) => item.status !== 'cancelled');
  }

  private enter(operation: ProviderOperation): void {
    this.requests[operation] += 1;
    this.faults.throwIfSet(operation);
  }

  /** Whether a cursor at `position` reports the deletion of `id` (see `reportsDeletions`). */
  private knownAt(id: string, position: number): boolean {
    if (this.options.reportsDeletions !== 'known') return true;
    return (this.firstLogged.get(id) ?? Number.POSITIVE_INFINITY) < position;
  }

  private newId(): string {
    this.counter += 1;
    return `${this.options.idPrefix ?? (this.side === 'sched' ? 'b' : 'e')}${this.counter}`;
  }

  private store(item: SyncItem): SyncItem {
    this.counter += 1;
    const stored = { ...item, version: `v${this.counter}`, updated: this.options.clock() };
    this.items.set(stored.id, stored);
    this.removed.delete(stored.id);
    if (!this.firstLogged.has(stored.id)) this.firstLogged.set(stored.id, this.changeLog.length);
    this.changeLog.push(stored.id);
    return stored;
  }

  private discard(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    if (this.deleteMode === 'cancel') {
      this.store({ ...item, status: 'cancelled' });
      return;
    }
    this.items.delete(id);
    this.removed.add(id);
    this.changeLog.push(id);
  }

  /** A confirmed item other than `except` whose time overlaps `fields`' (Sched's 409 on create and move). */
  overlapping(fields: ItemFields, except?: string): SyncItem | undefined {
    const start = timeToEpochMs(fields.start, this.zone);
    const end = timeToEpochMs(fields.end, this.zone);
    return [...this.items.values()].find(
      (item) =>
        item.status === 'confirmed' &&
        item.id !== except &&
        timeToEpochMs(item.start, this.zone) < end &&
        timeToEpochMs(item.end, this.zone) > start,
    );
  }
}

function fieldsCopy(fields: ItemFields): ItemFields {
  const { title, description, location, start, end } = fields;
  return { title, description, location, start: { ...start }, end: { ...end } };
}

function copy(item: SyncItem): SyncItem {
  return structuredClone(item);
}
