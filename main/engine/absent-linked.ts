/**
 * Linked items a full read of the window left out (shared/SYNC.md, "Leaving the window is not a deletion"). The
 * planner takes a linked item missing from a full read as deleted when its last synced time lies inside the window,
 * but a person may have moved it out of the window since: after a crash before any cursor was saved, say, the next
 * run reads in full and would cancel the booking of an event that was only moved. So each such item is asked for by
 * id: a live one joins the read as changed (moved out), a missing one as deleted. Incremental reads need nothing.
 *
 * Items last synced beyond the window are checked too. A cursor lists their changes (a deletion or an edit of last
 * month's event reaches its booking), so the full read after a refused cursor (410) must not drop them: the stretches
 * before and after the window that hold such links are read once each, time-bounded like the window, and only the
 * items no longer in their stretch are asked for by id. A read with no link beyond the window costs nothing more.
 */
import type { CalendarProvider } from '../providers/port';
import type { LinkSide, SideRead, SyncItem, SyncWindow } from '../sync';
import { isCancelled, overlapsWindow, timeToEpochMs } from '../sync';

/**
 * A linked item as last synced, and whether it is asked for wherever it was last synced: the other side's read listed
 * its partner (so the plan acts on it), or its link is new since the last saved cursor (a crashed run's replay made
 * it, and what became of its partner since is known only by asking).
 */
export interface LinkedLast {
  last: LinkSide;
  askAnyway: boolean;
}

/** The stretches before and after `window` that hold `lasts` (none holds an item overlapping the window). */
function stretchesBeyond(lasts: readonly LinkSide[], window: SyncWindow, zone: string): SyncWindow[] {
  const [windowStart, windowEnd] = [Date.parse(window.start), Date.parse(window.end)];
  // A loop, not Math.min(...): years of links would be more arguments than a call takes.
  let [earliest, latest] = [windowStart, windowEnd];
  for (const last of lasts) {
    earliest = Math.min(earliest, timeToEpochMs(last.fields.start, zone));
    latest = Math.max(latest, timeToEpochMs(last.fields.end, zone));
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  return [
    ...(earliest < windowStart ? [{ start: iso(earliest), end: window.start }] : []),
    ...(latest > windowEnd ? [{ start: window.end, end: iso(latest) }] : []),
  ];
}

/** The items the stretches beyond the window list, by id (each stretch's cursor is dropped). */
async function listedBeyond(
  provider: CalendarProvider,
  lasts: readonly LinkSide[],
  window: SyncWindow,
  zone: string,
): Promise<Map<string, SyncItem>> {
  const listed = new Map<string, SyncItem>();
  for (const stretch of stretchesBeyond(lasts, window, zone)) {
    const result = await provider.listChanges({ cursor: null, window: stretch });
    for (const item of result.items) listed.set(item.id, item);
  }
  return listed;
}

/**
 * `read` with what became of each linked item a full read left out: those last synced inside the window, those
 * asked for anyway (`LinkedLast.askAnyway`: the item's fate decides update, create or cancel), and those last synced
 * beyond it (see the file comment).
 */
export async function withAbsentLinked(
  provider: CalendarProvider,
  read: SideRead,
  linked: readonly LinkedLast[],
  window: SyncWindow,
  zone: string,
): Promise<SideRead> {
  if (read.full !== true) return read;
  const mentioned = new Set([...read.items.map((item) => item.id), ...(read.deleted ?? [])]);
  const left = linked.filter(({ last }) => !mentioned.has(last.id));
  const asked = (entry: LinkedLast) => entry.askAnyway || overlapsWindow(entry.last.fields, window, zone);
  const absent = left.filter(asked).map(({ last }) => last);
  const beyond = left.filter((entry) => !asked(entry)).map(({ last }) => last);
  const items: SyncItem[] = [];
  const deleted: string[] = [];
  if (beyond.length > 0) {
    const listed = await listedBeyond(provider, beyond, window, zone);
    for (const last of beyond) {
      const item = listed.get(last.id);
      if (!item) absent.push(last);
      else if (isCancelled(item)) deleted.push(last.id);
      else if (item.version !== last.version) items.push(item);
    }
  }
  for (const last of absent) {
    const item = await provider.get(last.id);
    if (item) items.push(item);
    else deleted.push(last.id);
  }
  if (items.length === 0 && deleted.length === 0) return read;
  return { ...read, items: [...read.items, ...items], deleted: [...(read.deleted ?? []), ...deleted] };
}
