/**
 * What the model remembers beside the world: which items a person made and how each looked when the person last
 * touched it (provenance), which copies a person removed, which originals an undo left uncopied, which overlap
 * events a person skipped, which connections are paused or held by another device, and which connections have not
 * had their first run yet.
 */
import type { MemoryProvider } from '../../fakes/memory-provider';
import type { SyncItem } from '../../../main/sync';
import { canonicalFields } from '../../../main/sync';
import type { SideName } from './steps';

/** The kinds of broken checks. */
export type FailureKind =
  | 'api-500'
  | 'uninvited-run'
  | 'preview'
  | 'quiet-run-failed'
  | 'second-run-writes'
  | 'second-run-requests'
  | 'duplicate'
  | 'provenance'
  | 'sched-status'
  | 'coverage'
  | 'stale-copy'
  | 'remap-leftover'
  | 'stale-conflict'
  | 'paused-run'
  | 'held-elsewhere'
  | 'free-time'
  | 'inbound-kind';

/** A person's item: where it lives and every state a person or an undo left it in. */
export interface PersonItem {
  side: SideName;
  where: string;
  history: (string | null)[];
  /** The state the last check saw; `null` when deleted or cancelled. */
  seen: string | null;
}

/** An item's state as compared by the model (content and status). */
export function stateOf(item: SyncItem | undefined): string | null {
  if (!item || item.status === 'cancelled') return null;
  return canonicalFields(item);
}

/** The model's memory. */
export class Model {
  readonly person = new Map<string, PersonItem>();
  /** Originals whose copy a person deleted (the booking id of a deleted event copy, the event id of a booking). */
  readonly copyRemovedByPerson = new Set<string>();
  /** Originals whose copy an undo removed; not copied again until a person edits them. */
  readonly undoExempt = new Set<string>();
  /** Events a person chose to skip in an overlap conflict. */
  readonly skipped = new Set<string>();
  /**
   * Copies live when the state DB was lost: a resync deletes nothing (SYNC.md, "Identity"), so a copy whose
   * original went before the resync may stay.
   */
  readonly orphanable = new Set<string>();
  /**
   * Bookings their calendar holds as the agent's copy: remade from their copy event (a conflict answered with the
   * calendar's version after the booking went), so the booking names the event as its `source` and the event, still
   * the agent's copy, is tagged with the booking; or made from an event since deleted, and copied into the calendar
   * by a later outbound pairing. The pair is "booking + tagged copy", so a remap removes the copy and leaves the
   * booking on its resource.
   */
  readonly remadeFromCopies = new Set<string>();
  /**
   * Calendars with no finished run since the state DB was lost. Their next run reads the window in full, and a copy
   * a person moved out of the window meanwhile is found only when the run's create meets it by its idempotency key
   * (then the run relinks it instead of creating): a preview cannot see that one coming.
   */
  readonly unsyncedSinceLoss = new Set<string>();
  /** Paused calendars, with how many runs each had when it was paused (a paused connection runs no more). */
  readonly paused = new Map<string, number>();
  /**
   * Calendars of this device's connections that the other device took over, with the agent-clock time by which this
   * device has noticed (it reads Sched's registry before its first run after a start and at most every 15 minutes).
   */
  readonly heldByOther = new Map<string, number>();
  /** Calendars the other device holds in Sched: no step of this device but a takeover may take that away. */
  readonly otherHolds = new Set<string>();
  /** Connections made that no person has synced yet (the schedule must leave them alone). */
  readonly neverRun = new Set<string>();
  /** Every failed check, as "kind: sentence". */
  readonly violations: string[] = [];

  /** Kinds of failure, or words of their sentence, left out (AGENT_MODEL_IGNORE), to look past a known bug. */
  constructor(private readonly ignored: ReadonlySet<string> = new Set()) {}

  /** A person made an item. */
  added(side: SideName, where: string, item: SyncItem): void {
    const state = stateOf(item);
    this.person.set(item.id, { side, where, history: [state], seen: state });
  }

  /** A person changed or deleted an item (theirs or a copy the agent made). */
  touched(item: SyncItem, after: SyncItem | undefined): void {
    const mine = this.person.get(item.id);
    const state = stateOf(after);
    if (mine) {
      mine.history.push(state);
      mine.seen = state;
    }
    // A save that changes nothing the agent syncs (a move to the same time) is no edit: the undo's choice stands.
    if (state !== stateOf(item)) this.undoExempt.delete(item.id);
    if (state !== null) return;
    if (item.tags) this.copyRemovedByPerson.add(item.tags.bookingId);
    if (item.source) this.copyRemovedByPerson.add(item.source.eventId);
  }

  /** Marks the person's items as seen in their current state; returns those the agent changed since. */
  changedByAgent(
    providers: Map<string, MemoryProvider>,
    side: SideName,
  ): { id: string; mine: PersonItem; now: SyncItem | undefined }[] {
    const changed: { id: string; mine: PersonItem; now: SyncItem | undefined }[] = [];
    for (const [id, mine] of this.person) {
      if (mine.side !== side) continue;
      const now = providers
        .get(mine.where)
        ?.all()
        .find((item) => item.id === id);
      const state = stateOf(now);
      if (state === mine.seen) continue;
      changed.push({ id, mine: { ...mine, history: [...mine.history] }, now });
      mine.history.push(state);
      mine.seen = state;
    }
    return changed;
  }

  /** Records a broken check of kind `kind` (duplicate, provenance, coverage, preview, …). */
  fail(kind: FailureKind, message: string): void {
    const line = `${kind}: ${message}`;
    if (!this.ignored.has(kind) && ![...this.ignored].some((words) => line.includes(words)))
      this.violations.push(line);
  }
}
