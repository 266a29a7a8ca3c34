/**
 * A connection's schedule for a range of days: the resource's bookings and the calendar's events as both sides hold
 * them now (one full read of the range per side, nothing written, no cursor kept), each marked with how it stands
 * against the link store: in sync, waiting for the next run, in conflict, skipped, free time, or not synced.
 */
import type { ItemHistoryEntry, ScheduleItem, ScheduleState, ScheduleView } from '../../preload/contract';
import type { EngineConnection } from '../engine/types';
import type { StateDb } from '../store/state-db';
import type { Link } from '../store/link-repo';
import {
  addDays,
  contentHash,
  dateInZone,
  fieldsOf,
  overlapsWindow,
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

/** Reads both sides of the range and marks each item. */
export async function readSchedule(request: ScheduleRequest): Promise<ScheduleView> {
  const { connection, db, from, to } = request;
  const zone = connection.resourceTimezone;
  const range: SyncWindow = { start: startOfDayUtc(from, zone), end: startOfDayUtc(addDays(to, 1), zone) };
  const [sched, external] = await Promise.all([
    connection.sched.listChanges({ cursor: null, window: range }),
    connection.external.listChanges({ cursor: null, window: range }),
  ]);
  const { settings } = connection;
  const window = syncWindow(
    request.now.toISOString(),
    settings.window_days_past,
    settings.window_days_future,
    zone,
  );
  const marks = new Marks(db, connection.calendarId, window, zone, settings.direction);
  const live = (items: SyncItem[]) =>
    items.filter((i) => i.status !== 'cancelled' && overlapsWindow(i, range, zone));
  const schedItems = live(sched.items);
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
  return {
    side,
    id: item.id,
    title: item.title,
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
    private readonly direction: EngineConnection['settings']['direction'],
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
    if (side === 'external' && this.skipped.has(item.id)) return 'skipped';
    if (side === 'external' && item.availability === 'free') return 'free';
    if (!overlapsWindow(item, this.window, this.zone)) return 'not-synced';
    const goesOut =
      side === 'sched' ? this.direction !== 'external-to-sched' : this.direction !== 'sched-to-external';
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
