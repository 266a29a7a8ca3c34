/**
 * What one run saw of one side, turned into per-link observations: unchanged (an echo included), changed, or gone.
 * This is where echo suppression and "leaving the window is not a deletion" live (shared/SYNC.md).
 */
import type { SideCapabilities } from './capabilities';
import { hashMatches, hashPrefix } from './content-hash';
import { heldFields, holdsEverything } from './capabilities';
import type { SyncItem } from './item';
import { isCancelled } from './item';
import type { LinkSide } from './state';
import { linkSideOf } from './state';
import type { SyncWindow } from './window';
import { overlapsWindow } from './window';

/** The changes one side reported: current items (cancelled ones included) and ids deleted outright. */
export interface SideRead {
  items: readonly SyncItem[];
  deleted?: readonly string[];
  /**
   * True for a full read of the window (no cursor, or after a 410): a linked item missing from it counts as deleted
   * only when its last synced time lies inside the window; otherwise it merely scrolled out. An item moved out of
   * the window since the last run also looks absent: an engine that wants certainty `get`s each absent linked item
   * after a full read and adds the ones that still exist to `items` (a few requests, only on full reads).
   */
  full?: boolean;
  /**
   * Ids an incremental read listed at the very version their link holds, left out of `items`: unchanged since the
   * agent last saw them (its own writes coming back), so the planner has nothing to learn from them.
   */
  unchanged?: readonly string[];
}

/** How one side of a link looks after this run's read. */
export type Observation =
  | { state: 'same'; current: LinkSide }
  | { state: 'changed'; current: LinkSide; item: SyncItem }
  | { state: 'gone'; item?: SyncItem };

/** Index of one side's read, answering "what happened to this linked item?". */
export class SideView {
  private readonly present = new Map<string, SyncItem>();
  private readonly cancelled = new Map<string, SyncItem>();
  private readonly deleted = new Set<string>();
  constructor(
    private readonly read: SideRead,
    private readonly window: SyncWindow,
    private readonly zone: string,
    /** What this side can hold: its items are reduced to it (Sched: an empty location). */
    readonly capabilities: SideCapabilities = holdsEverything,
  ) {
    for (const seen of read.items) {
      const item = heldFields(seen, this.capabilities);
      if (isCancelled(item)) this.cancelled.set(item.id, item);
      else this.present.set(item.id, item);
    }
    for (const id of read.deleted ?? []) {
      if (!this.present.has(id)) this.deleted.add(id);
    }
  }

  /** True when this read was a full read. */
  get full(): boolean {
    return this.read.full === true;
  }

  /** Items seen alive in this read. */
  presentItems(): SyncItem[] {
    return [...this.present.values()];
  }

  /** The live item with this id, if this read saw it. */
  get(id: string): SyncItem | undefined {
    return this.present.get(id);
  }

  /** What happened to the linked item whose last synced state is `last`. */
  observe(last: LinkSide): Observation {
    const item = this.present.get(last.id);
    if (item) {
      const current = linkSideOf(item);
      // Echo suppression: the same content as last synced is no change, whatever its version says. `current.hash` is
      // this build's hash of these fields, so only a hash stored by an older build is worth hashing them again for.
      const stale = !last.hash.startsWith(hashPrefix);
      if (current.hash === last.hash || (stale && hashMatches(last.hash, current.fields)))
        return { state: 'same', current };
      return { state: 'changed', current, item };
    }
    const cancelled = this.cancelled.get(last.id);
    if (cancelled) return { state: 'gone', item: cancelled };
    if (this.deleted.has(last.id)) return { state: 'gone' };
    if (this.full && overlapsWindow(last.fields, this.window, this.zone)) return { state: 'gone' };
    return { state: 'same', current: last };
  }
}
