/**
 * Linked items a full read of the window left out (shared/SYNC.md, "Leaving the window is not a deletion"). The
 * planner takes a linked item missing from a full read as deleted when its last synced time lies inside the window,
 * but a person may have moved it out of the window since: after a crash before any cursor was saved, say, the next
 * run reads in full and would cancel the booking of an event that was only moved. So each such item is asked for by
 * id: a live one joins the read as changed (moved out), a missing one as deleted. Incremental reads need nothing.
 */
import type { CalendarProvider } from '../providers/port';
import type { LinkSide, SideRead, SyncItem, SyncWindow } from '../sync';
import { overlapsWindow } from '../sync';

/**
 * A linked item as last synced, and whether it is asked for wherever it was last synced: the other side's read listed
 * its partner (so the plan acts on it), or its link is new since the last saved cursor (a crashed run's replay made
 * it, and what became of its partner since is known only by asking).
 */
export interface LinkedLast {
  last: LinkSide;
  askAnyway: boolean;
}

/**
 * `read` with what became of each linked item a full read left out: those last synced inside the window, and those
 * asked for anyway (`LinkedLast.askAnyway`: the item's fate decides update, create or cancel).
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
  const absent = linked
    .filter(
      ({ last, askAnyway }) =>
        !mentioned.has(last.id) && (askAnyway || overlapsWindow(last.fields, window, zone)),
    )
    .map(({ last }) => last);
  if (absent.length === 0) return read;
  const items: SyncItem[] = [];
  const deleted: string[] = [];
  for (const last of absent) {
    const item = await provider.get(last.id);
    if (item) items.push(item);
    else deleted.push(last.id);
  }
  return { ...read, items: [...read.items, ...items], deleted: [...(read.deleted ?? []), ...deleted] };
}
