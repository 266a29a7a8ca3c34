/**
 * What a fresh create's idempotency key can find: a copy the agent made under that key before the state DB was lost,
 * since changed by a person (shared/SYNC.md, "Identity: never a duplicate"; docs/sync-rules.md, "Lost state").
 */
import type { CalendarProvider } from '../providers/port';
import type { OutboxEntry } from '../store';
import type { BookingSource, CreateAction, ItemFields, SchedKind, SyncItem } from '../sync';
import { canonicalFields } from '../sync';

/** How the item a create answered with differs from the one asked for. */
export type OlderCopy = 'cancelled' | 'changed' | null;

/** The fields a service writes as asked (descriptions may come back reformatted, so they are left out). */
function asWritten(item: Pick<SyncItem, 'title' | 'start' | 'end'>): string {
  return canonicalFields({
    title: item.title,
    description: '',
    location: '',
    start: item.start,
    end: item.end,
  });
}

/**
 * `asked`: the create's fields as its side keeps them (`CalendarProvider.keeps`). `cancelled`: the key found a copy a
 * person has since cancelled or deleted, so the key is spent; `changed`: it found a live copy a person has since
 * moved or renamed, which has no baseline to compare with; null: the asked-for item.
 */
export function olderCopyOf(asked: ItemFields, written: SyncItem): OlderCopy {
  if (written.status === 'cancelled') return 'cancelled';
  return asWritten(written) === asWritten(asked) ? null : 'changed';
}

/**
 * True when `item` last changed no later than the intent `entry` was recorded: older than that intent's write, which
 * the service stamps after the intent.
 */
export function changedBefore(item: SyncItem, entry: Pick<OutboxEntry, 'createdAt'>): boolean {
  return Date.parse(item.updated) <= Date.parse(entry.createdAt);
}

/** The key of a create made again after the copy `lostId` its first key found was cancelled (identity.ts). */
export function keyAfter(action: CreateAction, lostId: string): string {
  return `${action.idempotencyKey}:after:${lostId}`;
}

/** The live Sched item (of `kind`, when given) made from `source`'s event, at any date: what a refused key made. */
export async function copyMadeFrom(
  sched: CalendarProvider,
  source: BookingSource,
  kind?: SchedKind,
): Promise<SyncItem | undefined> {
  const { eventId, ...calendar } = source;
  const made = (await sched.listMadeFrom?.(calendar, kind)) ?? [];
  return made.find((item) => item.source?.eventId === eventId);
}
