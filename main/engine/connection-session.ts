/**
 * One call's view of one connection: its providers wrapped to count requests and to hold only the fields their side
 * can store, its links, its stored sync state as the planner reads it, and `plan` bound to its settings, zone, the
 * sides' capabilities (from their ports), the sync window and the call's clock reading, each taken once per call.
 */
import type {
  Action,
  Capabilities,
  ConnectionRef,
  Link,
  LinkKey,
  MovingBookings,
  Plan,
  PlanInput,
  Side,
  SideCapabilities,
  SideRead,
  SyncItem,
  SyncState,
  UndoneItem,
} from '../sync';
import { bookingsToMove, plan, planInboundAs, planRemap, schedKindOf, syncWindow } from '../sync';
import type { SyncWindow } from '../sync';
import type { StateDb } from '../store';
import { CountingProvider } from './counting-provider';
import { HeldFieldsProvider } from './held-fields-provider';
import { LinkStore } from './link-store';
import type { EngineConnection } from './types';
import type { CalendarProvider } from '../providers/port';

/** What a plan is made from besides the connection itself; `moving`: a remap run's `movingBookings`. */
export type PlanRequest = Pick<PlanInput, 'state' | 'sched' | 'external'> &
  Partial<Pick<PlanInput, 'resolutions' | 'importAnyway' | 'reviewApproved'>> & { moving?: MovingBookings };

/** The side's capabilities from its port, with how it keeps written fields (`keeps`) when it keeps them otherwise. */
function withKeeps(provider: CalendarProvider): SideCapabilities {
  const { keeps } = provider;
  return keeps
    ? { ...provider.capabilities, keeps: (fields) => keeps.call(provider, fields) }
    : provider.capabilities;
}

/** The busy blocks of links made from the calendar's events, new since the saved cursor, that `sched` does not list. */
function blocksMadeAfresh(links: readonly Link[], sched: SideRead, fresh: ReadonlySet<string>): string[] {
  const listed = new Set(sched.items.filter((item) => item.status !== 'cancelled').map((item) => item.id));
  return links
    .filter((link) => link.origin === 'external' && schedKindOf(link.sched.id) === 'exception')
    .filter((link) => fresh.has(link.external.id) && !listed.has(link.sched.id))
    .map((link) => link.sched.id);
}

/** A connection bound to the state DB and a moment in time. */
export class ConnectionSession {
  /** The connection's key in the state DB. */
  readonly key: string;
  readonly ref: ConnectionRef;
  readonly providers: Record<Side, HeldFieldsProvider>;
  /** What each side can hold (Sched: no location). */
  readonly capabilities: Capabilities;
  private readonly counting: Record<Side, CountingProvider>;
  readonly links: LinkStore;
  readonly window: SyncWindow;
  /** When the pending remap was asked for, if this call plans a remap run (another resource; remap-plan.ts). */
  readonly remapping: string | null;
  /** The resource the pending remap comes from; null when none is pending or it is not known. */
  private readonly remapFrom: string | null;
  /** False when the state DB does not know the calendar's history (lost): what was made, under which keys. */
  private readonly historyKnown: boolean;

  constructor(
    readonly db: StateDb,
    readonly connection: EngineConnection,
    /** The moment of this call, RFC 3339: the plan's only clock. */
    readonly now: string,
  ) {
    this.key = connection.calendarId;
    this.ref = {
      id: connection.connectionId ?? connection.calendarId,
      calendarService: connection.calendarService,
      calendarId: connection.calendarId,
    };
    this.capabilities = {
      sched: withKeeps(connection.sched),
      external: withKeeps(connection.external),
    };
    this.counting = {
      sched: new CountingProvider(connection.sched),
      external: new CountingProvider(connection.external),
    };
    this.providers = {
      sched: new HeldFieldsProvider(this.counting.sched),
      external: new HeldFieldsProvider(this.counting.external),
    };
    this.links = new LinkStore(db, this.key);
    const { window_days_past: past, window_days_future: future } = connection.settings;
    this.window = syncWindow(now, past, future, connection.resourceTimezone);
    this.remapping = db.remaps.pendingSince(this.key);
    const pairing = db.remaps.pairing(this.key);
    const from = pairing?.pendingFrom ?? null;
    this.historyKnown = pairing?.keysKnown === true;
    // 'unknown': a pairing from before remaps were remembered (remap-request.ts).
    this.remapFrom = from === 'unknown' ? null : from;
  }

  /** True when the state DB does not know the calendar's history (it was lost): which keys were used, what was made. */
  get historyUnknown(): boolean {
    return !this.historyKnown;
  }

  /**
   * The stored state the planner starts from: links, skipped overlap events, items whose copy an undo removed,
   * links with an open conflict, and the Sched items that follow another calendar of the resource: the bookings it
   * imports one way, and the busy blocks it made from its events.
   */
  state(): SyncState {
    const conflicted = this.db.conflicts
      .open(this.key)
      .filter((conflict) => conflict.kind === 'edit' && conflict.bookingId !== null)
      .map((conflict) => conflict.bookingId as string);
    // What the resource's other calendars made from their own events follows those events (SYNC.md, "Availability").
    const followed = (this.connection.otherCalendarsOfResource ?? []).flatMap((calendarId) =>
      new LinkStore(this.db, calendarId).madeFromEvents(),
    );
    return {
      links: this.links.list(),
      skippedEventIds: this.db.conflicts.skippedOverlaps(this.key),
      skippedBookings: this.undone('sched'),
      skippedEvents: this.undone('external'),
      conflictedBookingIds: conflicted,
      heldBookingIds: [
        ...(this.connection.oneWayCalendarsOfResource ?? []).flatMap((calendarId) =>
          this.db.links.list(calendarId).map((link) => link.bookingId),
        ),
        ...followed.filter((id) => schedKindOf(id) === 'exception'),
      ],
      followedBookingIds: followed,
    };
  }

  /** Plans with this connection's settings, the sides' capabilities and the window, each taken once per call. */
  plan({ moving, ...request }: PlanRequest): Plan {
    const input = this.planInput(request);
    const { remapping, remapFrom } = this;
    // A change of `inbound_as` converts what the calendar's events made in Sched (inbound-change-plan.ts).
    return planInboundAs(
      input,
      (i) => (remapping === null ? plan(i) : planRemap(i, moving, remapFrom)),
      remapping === null ? null : remapFrom,
    );
  }

  /** The planner's input for `request`: this connection's settings, the sides' capabilities and the window. */
  planInput(request: Omit<PlanRequest, 'moving'>): PlanInput {
    return {
      ...request,
      capabilities: this.capabilities,
      window: this.window,
      settings: this.connection.settings,
      connection: this.ref,
      resourceTimezone: this.connection.resourceTimezone,
      now: this.now,
    };
  }

  /**
   * In a remap run, the bookings it moves as Sched holds them now, read by id on any resource (one `get` each, only
   * in that run): an edit or a cancellation on the old resource since the last run is then planned, never lost. One
   * live on the new resource already (moved by a crashed run, the read left it out with its day past the window)
   * joins the Sched read instead, as that resource's own: it has nothing left to move.
   */
  async movingBookings(
    links: readonly Link[],
    sched: SideRead,
  ): Promise<{ moving: MovingBookings; sched: SideRead }> {
    const moving = new Map<string, SyncItem | null>();
    if (this.remapping === null) return { moving, sched };
    const arrived: SyncItem[] = [];
    for (const id of bookingsToMove(links, sched)) {
      const found = await this.providers.sched.locate(id);
      if (found?.resourceId === this.connection.resourceId && found.status !== 'cancelled')
        arrived.push(found);
      else moving.set(id, found);
    }
    // A busy block the crashed remap run made on the new resource (its link new since the saved cursor), asked for
    // there: found, it is that resource's own, not an old block to cancel on the old one.
    const fresh = new Set(this.links.unconfirmed());
    for (const id of blocksMadeAfresh(links, sched, fresh)) {
      const found = await this.providers.sched.get(id);
      if (found && found.status !== 'cancelled') arrived.push(found);
    }
    return {
      moving,
      sched: arrived.length === 0 ? sched : { ...sched, items: [...sched.items, ...arrived] },
    };
  }

  /** Requests spent on both sides so far. */
  requests(): number {
    return this.counting.sched.requests() + this.counting.external.requests();
  }

  private undone(side: Side): UndoneItem[] {
    return this.db.undoneCopies
      .list(this.key, side)
      .map((copy) => ({ id: copy.itemId, hash: copy.contentHash, copyId: copy.copyId }));
  }

  /** The current item on `side`, as a read the planner takes: the item, or its id as deleted. */
  async reread(side: Side, id: string): Promise<SideRead> {
    const item: SyncItem | null = await this.providers[side].get(id);
    return item ? { items: [item] } : { items: [], deleted: [id] };
  }

  /**
   * Plans one link again from fresh reads of both its items (after a 412: SYNC.md's conditional writes). Other links
   * are left out, so the plan can touch nothing else.
   */
  async replan(key: LinkKey): Promise<Action[]> {
    const link = this.links.byBooking(key.bookingId) ?? this.links.byEvent(key.eventId);
    const state = this.state();
    const links = link ? [link] : [];
    const external = await this.reread('external', key.eventId);
    const { moving, sched } = await this.movingBookings(links, await this.reread('sched', key.bookingId));
    return this.plan({ state: { ...state, links }, sched, external, moving }).actions;
  }
}
