/**
 * Events the agent created that the calendar's change feed has not listed yet ("unconfirmed"). Graph's
 * `calendarView/delta` reports `@removed` only for ids its cursor already knew, so an event created after the saved
 * cursor and deleted before the next read leaves no trace in the feed; SYNC.md still wants its booking cancelled
 * ("An event deleted or cancelled externally"). The first incremental read after such a create therefore asks for
 * each unconfirmed event the feed did not mention. An idle run has none, so it costs nothing there.
 */
import type { CalendarProvider } from '../providers/port';
import type { SideRead, SyncItem } from '../sync';

/** The external read with the checked events folded in, and the events the cursor to be saved now knows. */
export interface CheckedRead {
  read: SideRead;
  /** Unconfirmed events to mark confirmed once the run saves the cursor of this read. */
  confirmed: string[];
}

/**
 * Adds to `read` what became of each unconfirmed event the feed left out: a missing event as deleted, an existing one
 * (cancelled included, which the planner takes as gone) as an item, as the feed itself would have listed it.
 * A full read needs no check: absence from it already means something to the planner, and its cursor knows every id.
 */
export async function checkUnconfirmed(
  provider: CalendarProvider,
  read: SideRead,
  unconfirmed: readonly string[],
): Promise<CheckedRead> {
  if (read.full === true || unconfirmed.length === 0) return { read, confirmed: [...unconfirmed] };
  const mentioned = new Set([
    ...read.items.map((item) => item.id),
    ...(read.deleted ?? []),
    ...(read.unchanged ?? []),
  ]);
  const items: SyncItem[] = [];
  const deleted: string[] = [];
  for (const id of unconfirmed) {
    if (mentioned.has(id)) continue;
    const item = await provider.get(id);
    if (item) items.push(item);
    else deleted.push(id);
  }
  if (items.length === 0 && deleted.length === 0) return { read, confirmed: [...unconfirmed] };
  return {
    read: { ...read, items: [...read.items, ...items], deleted: [...(read.deleted ?? []), ...deleted] },
    confirmed: [...unconfirmed],
  };
}
