/**
 * What a preview after a crash reads besides the window: a crashed run's create may have reached the service, and a
 * person may have cancelled or deleted that copy since, which a full read of the window (live items only) does not
 * show. The run finds it by sending the create again with its key; a preview must not write, so it reads each side's
 * changes since the feed position the intent kept (outbox-intent.ts), which lists the cancelled copy too.
 */
import { CursorExpiredError } from '../providers/port';
import type { OutboxEntry } from '../store';
import type { Side, SideRead, SyncItem, SyncWindow } from '../sync';
import type { ConnectionSession } from './connection-session';

/** The items each side's feed lists since the positions the unfinished creates kept (one read per position). */
export async function itemsSinceCrash(
  session: Pick<ConnectionSession, 'providers'>,
  replays: readonly OutboxEntry[],
  window: SyncWindow,
): Promise<Record<Side, SyncItem[]>> {
  const cursors: Record<Side, Set<string>> = { sched: new Set(), external: new Set() };
  for (const entry of replays) {
    const cursor = (entry.payload as { feedCursor?: unknown } | null)?.feedCursor;
    if (entry.operation === 'create' && typeof cursor === 'string') cursors[entry.side].add(cursor);
  }
  const since: Record<Side, SyncItem[]> = { sched: [], external: [] };
  for (const side of ['sched', 'external'] as const) {
    for (const cursor of cursors[side]) {
      try {
        const read = await session.providers[side].listChanges({ cursor, window });
        since[side].push(...read.items);
      } catch (error) {
        // A position the service forgot (410) shows nothing more: the preview plans the replay as a fresh copy.
        if (!(error instanceof CursorExpiredError)) throw error;
      }
    }
  }
  return since;
}

/**
 * `reads` with the items a crashed run's unfinished updates were writing, read by id where the read left them out.
 * `recover` drops those intents, since the next read shows whether they happened; but a side's read may not list the
 * item (a busy block is not read under `inbound_as: bookings`), and the plan would write it again. The run's write
 * would then meet a 412 and find nothing left to do, while its preview counted the write. Both now see the item.
 */
export async function withCrashedUpdates<R extends Record<Side, SideRead>>(
  session: Pick<ConnectionSession, 'providers'>,
  reads: R,
  entries: readonly OutboxEntry[],
): Promise<R> {
  const next = { sched: reads.sched, external: reads.external };
  for (const entry of entries) {
    const id = (entry.payload as { id?: unknown } | null)?.id;
    if (entry.operation !== 'update' || typeof id !== 'string') continue;
    const read = next[entry.side];
    if (read.items.some((item) => item.id === id)) continue;
    const item = await session.providers[entry.side].get(id);
    if (item) next[entry.side] = { ...read, items: [...read.items, item] };
  }
  return { ...reads, ...next };
}
