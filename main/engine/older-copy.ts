/**
 * What a fresh create's idempotency key can find: a copy the agent made under that key before the state DB was lost,
 * since changed by a person (shared/SYNC.md, "Identity: never a duplicate"; docs/sync-rules.md, "Lost state").
 */
import type { CreateAction, SyncItem } from '../sync';
import { canonicalFields, schedKindOf } from '../sync';

/** How the item a create answered with differs from the one asked for. */
export type OlderCopy = 'cancelled' | 'changed' | null;

/**
 * The fields a service writes as asked (descriptions may come back reformatted, so they are left out). An
 * availability exception holds only its times: its title is made from its reason ("Unavailable: …", none under
 * busy-only), never the event's title as asked.
 */
function asWritten(item: Pick<SyncItem, 'title' | 'start' | 'end'>, timesOnly: boolean): string {
  return canonicalFields({
    title: timesOnly ? '' : item.title,
    description: '',
    location: '',
    start: item.start,
    end: item.end,
  });
}

/**
 * `cancelled`: the key found a copy a person has since cancelled or deleted, so the key is spent; `changed`: it found
 * a live copy a person has since moved or renamed, which has no baseline to compare with; null: the asked-for item.
 */
export function olderCopyOf(action: CreateAction, written: SyncItem): OlderCopy {
  if (written.status === 'cancelled') return 'cancelled';
  const timesOnly = action.side === 'sched' && schedKindOf(written.id) === 'exception';
  return asWritten(written, timesOnly) === asWritten(action.fields, timesOnly) ? null : 'changed';
}

/** The key of a create made again after the copy `lostId` its first key found was cancelled (identity.ts). */
export function keyAfter(action: CreateAction, lostId: string): string {
  return `${action.idempotencyKey}:after:${lostId}`;
}

/**
 * The item a replayed create wrote, as the link's baseline: the asked-for fields on what came back, so a person's
 * edit since the crash shows as one. An exception keeps what it reads for its words (its title is made from its
 * reason, "Unavailable: …"): only its times are taken as asked, or its event would be retitled on the next run.
 */
export function asAskedFor(action: CreateAction, written: SyncItem): SyncItem {
  if (action.side === 'sched' && schedKindOf(written.id) === 'exception') {
    return { ...written, start: action.fields.start, end: action.fields.end };
  }
  return { ...written, ...action.fields };
}
