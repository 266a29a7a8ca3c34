/**
 * One Sched resource as the Sched side of a connection (shared/SYNC.md, "Availability"): its bookings and its
 * availability exceptions, two kinds of item behind one `CalendarProvider`, so the engine plans, applies, journals,
 * undoes and guards both through one path. Each kind keeps its own cursor (Sched's two feeds hand out tokens that
 * are no good in each other), packed into the one cursor the engine saves. Exception ids carry the core's prefix
 * (main/sync/sched-kinds.ts). The calendar's own events become whichever kind `inbound_as` says; exceptions are
 * read only under `busy`, but an exception item is reached by its id in either mode (a change of mode removes them).
 */
import type { InboundAs, ItemFields, PrivacyMode, SchedKind, SyncItem, SyncWindow } from '../../sync';
import { exceptionIdOf, exceptionItemId, inboundKind } from '../../sync';
import type {
  CalendarProvider,
  CalendarRef,
  CreateRequest,
  DeleteOptions,
  ListRequest,
  ListResult,
  UpdateOptions,
} from '../port';
import { PreconditionFailedError, schedCapabilities } from '../port';
import { exceptionReason } from './sched-exception-mapper';

/** The two providers and what the connection's settings say about the calendar's events. */
export interface SchedResourceProviderOptions {
  bookings: CalendarProvider;
  exceptions: CalendarProvider;
  inboundAs: InboundAs;
  /** `busy-only`: an exception made from an event carries no reason (SYNC.md: privacy applies inbound too). */
  privacy: PrivacyMode;
  /** The exceptions of another resource of the account, by id: a remap cancels those the old resource holds. */
  exceptionsOf?: (resourceId: string) => CalendarProvider;
  /** The connection's calendar, whose busy blocks a full read under `inbound_as: bookings` lists too. */
  calendar?: { calendarService: string; calendarId: string };
}

/** The word every exception's title starts with, as its event shows it ("Unavailable: maintenance"). */
export const unavailableTitle = 'Unavailable';

interface PackedCursor {
  bookings: string | null;
  exceptions: string | null;
}

/** A saved cursor from before exceptions were synced is a bookings cursor: exceptions are then read in full. */
function unpack(cursor: string | null): PackedCursor {
  if (cursor === null) return { bookings: null, exceptions: null };
  try {
    const parsed = JSON.parse(cursor) as Partial<PackedCursor>;
    if (parsed && typeof parsed === 'object' && 'bookings' in parsed) {
      return { bookings: parsed.bookings ?? null, exceptions: parsed.exceptions ?? null };
    }
  } catch {
    // Not ours: a plain bookings token.
  }
  return { bookings: cursor, exceptions: null };
}

/** An exception's reason as its item's title, and back: the title's "Unavailable: " is not part of the reason. */
function titleOf(reason: string): string {
  return reason === '' ? unavailableTitle : `${unavailableTitle}: ${reason}`;
}
/** The reason an exception item's title carries, as Sched stores it ('' when it gives none). */
export function reasonOf(title: string): string {
  if (title === unavailableTitle) return '';
  return title.startsWith(`${unavailableTitle}: `) ? title.slice(unavailableTitle.length + 2) : title;
}

/** The bookings and availability exceptions of one Sched resource. */
export class SchedResourceProvider implements CalendarProvider {
  readonly side = 'sched' as const;
  readonly capabilities = schedCapabilities;

  /** The other resources' exceptions this provider reached (a remap's cancellations), kept so their requests count. */
  private readonly elsewhere = new Map<string, CalendarProvider>();

  constructor(private readonly options: SchedResourceProviderOptions) {}

  /** The kind the calendar's events become now. */
  private get inboundKind(): SchedKind {
    return inboundKind(this.options.inboundAs);
  }

  /** Both feeds' requests, and those sent to other resources' exceptions: a run's activity counts them all. */
  requestCount(): number {
    let count = this.options.bookings.requestCount() + this.options.exceptions.requestCount();
    for (const other of this.elsewhere.values()) count += other.requestCount();
    return count;
  }

  /**
   * Under `inbound_as: bookings`, the bookings feed alone, its cursor as it always was: exceptions cross only for
   * someone's own calendar (SYNC.md, "Availability"), and an idle run stays one request per side. Under `busy`,
   * both feeds from their own cursors; the read counts as full only when both were read in full.
   */
  async listChanges(request: ListRequest): Promise<ListResult> {
    if (this.inboundKind === 'booking') {
      const read = await this.options.bookings.listChanges({
        ...request,
        cursor: unpack(request.cursor).bookings,
      });
      return read.full ? this.withOwnBlocks(read, request.window) : read;
    }
    const cursors = unpack(request.cursor);
    const bookings = await this.options.bookings.listChanges({ ...request, cursor: cursors.bookings });
    const exceptions = await this.options.exceptions.listChanges({ ...request, cursor: cursors.exceptions });
    const next: PackedCursor = { bookings: bookings.nextCursor, exceptions: exceptions.nextCursor };
    return {
      items: [...bookings.items, ...exceptions.items.map((item) => this.fromException(item))],
      deleted: [...bookings.deleted, ...exceptions.deleted.map(exceptionItemId)],
      nextCursor: JSON.stringify(next),
      full: bookings.full && exceptions.full,
    };
  }

  /**
   * A full read under `inbound_as: bookings` with the busy blocks this calendar's events made under `busy`: after a
   * switch back to `bookings` and a lost state DB, nothing else would find them, and each event would then block its
   * time and be booked too. The plan converts them (inbound-change-plan.ts `foundOfOldKind`). Only full reads pay it
   * (a first run, a lost state DB, an expired cursor): one more request.
   */
  private async withOwnBlocks(read: ListResult, window: SyncWindow): Promise<ListResult> {
    const calendar = this.options.calendar;
    if (!calendar) return read;
    const blocks = await this.options.exceptions.listChanges({ cursor: null, window });
    const own = blocks.items.filter(
      (item) =>
        item.status !== 'cancelled' &&
        item.source?.calendarService === calendar.calendarService &&
        item.source.calendarId === calendar.calendarId,
    );
    if (own.length === 0) return read;
    return { ...read, items: [...read.items, ...own.map((item) => this.fromException(item))] };
  }

  /** Read apart from `listChanges`: under `inbound_as: bookings` the sync never reads exceptions. */
  async listBlockedTime(window: SyncWindow): Promise<SyncItem[]> {
    const read = await this.options.exceptions.listChanges({ cursor: null, window });
    return read.items.filter((item) => item.status !== 'cancelled').map((item) => this.fromException(item));
  }

  async get(id: string): Promise<SyncItem | null> {
    const exceptionId = exceptionIdOf(id);
    if (exceptionId === null) return this.options.bookings.get(id);
    const item = await this.options.exceptions.get(exceptionId);
    return item === null ? null : this.fromException(item);
  }

  /**
   * The item on whichever resource holds it now, cancelled included: a remap reads the bookings it moves from their
   * old resource with this. Without it the bookings provider's `get` answers null for a booking of another resource,
   * and the remap would take a booking still on the old resource for gone and book its event a second time.
   */
  async locate(id: string): Promise<SyncItem | null> {
    const { bookings } = this.options;
    if (exceptionIdOf(id) === null) return bookings.locate ? bookings.locate(id) : bookings.get(id);
    return this.get(id);
  }

  /** The calendar's event becomes a booking or, under `inbound_as: busy`, an exception that blocks its time. */
  async create(request: CreateRequest): Promise<SyncItem> {
    const { kind = this.inboundKind, privacy, ...asked } = request;
    if (kind === 'booking') return this.options.bookings.create(asked);
    const { allowOverlap: _unused, ...rest } = asked;
    const item = await this.options.exceptions.create({
      ...rest,
      fields: this.toException(request.fields, privacy),
      // Sched keeps one key space per feed; naming the kind keeps a booking's key from ever meeting an exception's.
      idempotencyKey: `${request.idempotencyKey}:exception`,
    });
    return this.fromException(item);
  }

  /** The live bookings and exceptions (of `kind` only, when given) made from `calendar`'s events, all time. */
  async listMadeFrom(calendar: CalendarRef, kind?: SchedKind): Promise<SyncItem[]> {
    const { bookings, exceptions } = this.options;
    const [made, blocks] = await Promise.all([
      kind !== 'exception' && bookings.listMadeFrom ? bookings.listMadeFrom(calendar) : [],
      kind !== 'booking' && exceptions.listMadeFrom ? exceptions.listMadeFrom(calendar) : [],
    ]);
    return [...made, ...blocks.map((block) => this.fromException(block))];
  }

  /** Under `inbound_as: busy` an event's fields become an exception: its reason as the title, nothing else. */
  keeps(fields: ItemFields, kind: SchedKind = this.inboundKind): ItemFields {
    const { bookings } = this.options;
    if (kind === 'booking') return bookings.keeps ? bookings.keeps(fields) : fields;
    const exception = this.toException(fields);
    return { ...exception, title: titleOf(exception.title) };
  }
  async update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    const exceptionId = exceptionIdOf(id);
    if (exceptionId === null) return this.options.bookings.update(id, fields, options);
    const item = await this.renamed(id, () =>
      this.options.exceptions.update(exceptionId, this.toException(fields), { ifMatch: options.ifMatch }),
    );
    return this.fromException(item);
  }

  /**
   * Cancels the booking (on whichever resource holds it: Sched has one booking id space) or the exception, on
   * `options.resourceId` when another resource holds it. An exception of another resource this provider cannot
   * reach is an error, never a silent success: it would stay and block that resource.
   */
  async delete(id: string, options: DeleteOptions = {}): Promise<void> {
    const { resourceId, ...rest } = options;
    const exceptionId = exceptionIdOf(id);
    if (exceptionId === null) return this.options.bookings.delete(id, rest);
    await this.renamed(id, () => this.exceptionsOn(resourceId).delete(exceptionId, rest));
  }

  private exceptionsOn(resourceId: string | undefined): CalendarProvider {
    if (resourceId === undefined) return this.options.exceptions;
    if (!this.options.exceptionsOf) {
      throw new Error(`Cannot reach the availability exceptions of resource ${resourceId}.`);
    }
    let other = this.elsewhere.get(resourceId);
    if (!other) {
      other = this.options.exceptionsOf(resourceId);
      this.elsewhere.set(resourceId, other);
    }
    return other;
  }

  private fromException(item: SyncItem): SyncItem {
    return { ...item, id: exceptionItemId(item.id), title: titleOf(item.title) };
  }

  /**
   * What an exception can hold: a reason (none under busy-only) as long as Sched keeps one, no description, no
   * location. Cut here, not only on the wire, so `keeps` says the reason Sched will hold.
   */
  private toException(fields: ItemFields, privacy = this.options.privacy): ItemFields {
    const reason = privacy === 'busy-only' ? '' : exceptionReason(reasonOf(fields.title));
    return { ...fields, title: reason, description: '', location: '' };
  }

  /** A precondition failure names the item by the core's id, so the engine rereads the right one. */
  private async renamed<T>(id: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof PreconditionFailedError)
        throw new PreconditionFailedError(id, error.currentVersion);
      throw error;
    }
  }
}
