/**
 * A connection's schedule for a range of days: the resource's bookings, its blocked time (availability exceptions)
 * and the calendar's events as both sides hold them now (a full read of the range of each feed, nothing written, no
 * cursor kept), each marked with how it stands against the link store: in sync, waiting for the next run, in
 * conflict, skipped, free time, or not synced.
 */
import type {
  ItemHistoryEntry,
  ScheduleItem,
  ScheduleKind,
  ScheduleState,
  ScheduleView,
} from '../../preload/contract';
import type { EngineConnection } from '../engine/types';
import { exceptionReasonOf } from '../providers/sched';
import type { StateDb } from '../store/state-db';
import type { Link } from '../store/link-repo';
import {
  addDays,
  contentHash,
  dateInZone,
  fieldsOf,
  inboundKind,
  overlapsWindow,
  schedKindOf,
  startOfDayUtc,
  syncWindow,
  type ItemTime,
  type SyncItem,
  type SyncWindow,
} from '../sync';

export interface ScheduleRequest {
  connection: EngineConnection;
  db: StateDb;
  /** First and last day, `YYYY-MM-DD`, in the resource's zone. */
  from: string;
  to: string;
  now: Date;
}

const timeText = (t: ItemTime) => (t.kind === 'instant' ? t.utc : t.date);

/**
 * The resource's exceptions when its Sched feed leaves them out: under `inbound_as: bookings` the sync neither reads
 * nor copies them (SYNC.md, "Availability"), yet a person should still see the time Sched refuses to book.
 */
async function blockedTimeOutsideSync(connection: EngineConnection, range: SyncWindow): Promise<SyncItem[]> {
  if (inboundKind(connection.settings.inbound_as) === 'exception') return [];
  return (await connection.sched.listBlockedTime?.(range)) ?? [];
}

function kindOf(side: 'sched' | 'external', item: SyncItem): ScheduleKind {
  if (side === 'external') return 'event';
  return schedKindOf(item.id) === 'exception' ? 'blocked' : 'booking';
}

/** Reads both sides of the range and marks each item. */
export async function readSchedule(request: ScheduleRequest): Promise<ScheduleView> {
  const { connection, db, from, to } = request;
  const zone = connection.resourceTimezone;
  const range: SyncWindow = { start: startOfDayUtc(from, zone), end: startOfDayUtc(addDays(to, 1), zone) };
  const { settings } = connection;
  const [sched, blocked, external] = await Promise.all([
    connection.sched.listChanges({ cursor: null, window: range }),
    blockedTimeOutsideSync(connection, range),
    connection.external.listChanges({ cursor: null, window: range }),
  ]);
  const window = syncWindow(
    request.now.toISOString(),
    settings.window_days_past,
    settings.window_days_future,
    zone,
  );
  const marks = new Marks(db, connection.calendarId, window, zone, settings);
  const live = (items: SyncItem[]) =>
    items.filter((i) => i.status !== 'cancelled' && overlapsWindow(i, range, zone));
  const schedItems = live([...sched.items, ...blocked]);
  const externalItems = live(external.items);
  const history = historyOf(db, connection.calendarId, schedItems, externalItems);
  const items = [
    ...schedItems.map((i) => itemOf('sched', i, marks, history)),
    ...externalItems.map((i) => itemOf('external', i, marks, history)),
  ].sort((a, b) => a.start.localeCompare(b.start) || a.side.localeCompare(b.side));
  return {
    calendar_id: connection.calendarId,
    resource_id: connection.resourceId,
    time_zone: zone,
    from,
    to,
    today: dateInZone(request.now.toISOString(), zone),
    window,
    items,
  };
}

function itemOf(
  side: 'sched' | 'external',
  item: SyncItem,
  marks: Marks,
  history: Map<string, ItemHistoryEntry[]>,
): ScheduleItem {
  const { state, link, conflictId } = marks.of(side, item);
  const kind = kindOf(side, item);
  return {
    side,
    kind,
    id: item.id,
    // Blocked time in Sched's words: its reason, without the "Unavailable: " its items' titles carry.
    title: kind === 'blocked' ? exceptionReasonOf(item.title) : item.title,
    description: item.description,
    location: item.location,
    start: timeText(item.start),
    end: timeText(item.end),
    all_day: item.start.kind === 'date',
    state,
    linked_id: link ? (side === 'sched' ? link.eventId : link.bookingId) : null,
    conflict_id: conflictId,
    history: history.get(`${side}:${item.id}`) ?? [],
  };
}

/** The link store, open conflicts and skipped overlaps of one connection, read once per schedule. */
class Marks {
  private readonly byBooking = new Map<string, Link>();
  private readonly byEvent = new Map<string, Link>();
  private readonly conflicts = new Map<string, string>();
  private readonly skipped: Set<string>;

  constructor(
    db: StateDb,
    calendarId: string,
    private readonly window: SyncWindow,
    private readonly zone: string,
    private readonly settings: EngineConnection['settings'],
  ) {
    for (const link of db.links.list(calendarId)) {
      this.byBooking.set(link.bookingId, link);
      this.byEvent.set(link.eventId, link);
    }
    for (const c of db.conflicts.open(calendarId)) {
      if (c.bookingId) this.conflicts.set(`sched:${c.bookingId}`, String(c.id));
      if (c.eventId) this.conflicts.set(`external:${c.eventId}`, String(c.id));
    }
    this.skipped = new Set(db.conflicts.skippedOverlaps(calendarId));
  }

  of(
    side: 'sched' | 'external',
    item: SyncItem,
  ): { state: ScheduleState; link: Link | null; conflictId: string | null } {
    const link = (side === 'sched' ? this.byBooking : this.byEvent).get(item.id) ?? null;
    const conflictId = this.conflicts.get(`${side}:${item.id}`) ?? null;
    return { state: conflictId ? 'conflict' : this.stateOf(side, item, link), link, conflictId };
  }

  private stateOf(side: 'sched' | 'external', item: SyncItem, link: Link | null): ScheduleState {
    if (link) {
      // Changed since the last sync when its synced fields no longer hash to what the link remembers.
      const remembered = side === 'sched' ? link.schedHash : link.externalHash;
      return remembered === null || remembered === contentHash(fieldsOf(item)) ? 'in-sync' : 'waiting';
    }
    // Under `inbound_as: bookings` blocked time stays in Sched: the sync never reads it.
    const exception = side === 'sched' && schedKindOf(item.id) === 'exception';
    if (exception && inboundKind(this.settings.inbound_as) === 'booking') return 'not-synced';
    if (side === 'external' && this.skipped.has(item.id)) return 'skipped';
    if (side === 'external' && item.availability === 'free') return 'free';
    if (!overlapsWindow(item, this.window, this.zone)) return 'not-synced';
    const { direction } = this.settings;
    const goesOut = side === 'sched' ? direction !== 'external-to-sched' : direction !== 'sched-to-external';
    return goesOut ? 'waiting' : 'not-synced';
  }
}

/** Each item's writes by the agent, newest first, keyed `side:id`. */
function historyOf(
  db: StateDb,
  calendarId: string,
  sched: SyncItem[],
  external: SyncItem[],
): Map<string, ItemHistoryEntry[]> {
  const entries = db.journal.forItems(calendarId, {
    bookingIds: sched.map((i) => i.id),
    eventIds: external.map((i) => i.id),
  });
  const out = new Map<string, ItemHistoryEntry[]>();
  for (const e of entries) {
    const id = e.side === 'sched' ? e.bookingId : e.eventId;
    if (!id) continue;
    const key = `${e.side}:${id}`;
    const list = out.get(key) ?? [];
    list.push({
      run_id: e.runId,
      at: e.runStartedAt,
      side: e.side,
      action: e.action,
      undone: e.undoneAt !== null,
    });
    out.set(key, list);
  }
  return out;
}
