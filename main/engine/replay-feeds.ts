/**
 * What a preview after a crash reads besides the window: a crashed run's create may have reached the service, and a
 * person may have cancelled or deleted that copy since, which a full read of the window (live items only) does not
 * show. The run finds it by sending the create again with its key; a preview must not write, so it reads each side's
 * changes since the feed position the intent kept (outbox-intent.ts), which lists the cancelled copy too.
 */
import { CursorExpiredError } from '../providers/port';
import type { OutboxEntry } from '../store';
import type { Side, SyncItem, SyncWindow } from '../sync';
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
