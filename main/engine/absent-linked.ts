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

/** A linked item as last synced, and whether the other side's read listed its partner (so the plan acts on it). */
export interface LinkedLast {
  last: LinkSide;
  partnerListed: boolean;
}

/**
 * `read` with what became of each linked item a full read left out: those last synced inside the window, and those
 * whose partner the other read listed (a change there is copied here: the item's fate decides update or create).
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
      ({ last, partnerListed }) =>
        !mentioned.has(last.id) && (partnerListed || overlapsWindow(last.fields, window, zone)),
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
