/**
 * Reading both sides of a connection for a run or a preview (shared/SYNC.md, "Being a good API citizen" and
 * "Identity"): incremental from the saved cursors, or a full read of the window when there is no cursor, when the
 * provider no longer accepts it (410), or when the state lost its links but kept a cursor.
 */
import type { CalendarProvider } from '../providers/port';
import { CursorExpiredError } from '../providers/port';
import type { Side, SideRead, SyncWindow } from '../sync';
import type { PerSideFlag } from './types';
import { withEnteredItems } from './entered-window';
import { checkUnconfirmed } from './unconfirmed-events';

/** What both reads returned, with the cursors to save if the run applies everything. */
export interface ChangeReads {
  sched: SideRead;
  external: SideRead;
  nextCursors: Record<Side, string>;
  full: PerSideFlag;
  /** Events the agent created that the saved external cursor will know once `nextCursors.external` is saved. */
  confirmed: string[];
  /**
   * Events the calendar's feed itself listed in this read (not a slice read or a read by id): its cursor, saved with
   * the run, knows them, so an event imported from them this run needs no check later.
   */
  listed: string[];
}

/** What reading needs. */
export interface ReadInput {
  providers: Record<Side, CalendarProvider>;
  cursors: Record<Side, string | null>;
  /** True when the state holds no links: any saved cursor would skip items the lost links used to cover. */
  stateLost: boolean;
  window: SyncWindow;
  /** Events the agent created that the external change feed has not listed yet (see unconfirmed-events.ts). */
  unconfirmed: readonly string[];
  /** Slices of the window its cursors do not cover yet (entered-window.ts), read once per incremental side. */
  entered?: readonly SyncWindow[];
  /** External event id → the version its link holds, so the provider can skip reading the agent's own echoes. */
  knownExternal?: ReadonlyMap<string, string>;
}

async function readSide(
  provider: CalendarProvider,
  cursor: string | null,
  window: SyncWindow,
  known?: ReadonlyMap<string, string>,
): Promise<{ read: SideRead; next: string }> {
  try {
    const result = await provider.listChanges({ cursor, window, ...(known ? { known } : {}) });
    const unchanged = result.unchanged?.length ? { unchanged: result.unchanged } : {};
    return {
      read: { items: result.items, deleted: result.deleted, full: result.full, ...unchanged },
      next: result.nextCursor,
    };
  } catch (error) {
    // 410: Google's sync guide says to wipe and do a full sync; relinking by tags keeps that duplicate-free.
    if (cursor === null || !(error instanceof CursorExpiredError)) throw error;
    return readSide(provider, null, window, known);
  }
}

/**
 * Reads both sides at once (issue 11: a run waits for the slower side, not for both in turn). When both fail,
 * Sched's failure is the one the run reports, as when Sched was read first; a broken Sched connection now costs
 * the calendar its one list request.
 */
export async function readChanges(input: ReadInput): Promise<ChangeReads> {
  const cursorFor = (side: Side): string | null => (input.stateLost ? null : input.cursors[side]);
  const [schedRead, externalRead] = await Promise.allSettled([
    readSide(input.providers.sched, cursorFor('sched'), input.window),
    readSide(input.providers.external, cursorFor('external'), input.window, input.knownExternal),
  ]);
  if (schedRead.status === 'rejected') throw schedRead.reason;
  if (externalRead.status === 'rejected') throw externalRead.reason;
  const sched = schedRead.value;
  const external = externalRead.value;
  const checked = await checkUnconfirmed(input.providers.external, external.read, input.unconfirmed);
  // After the unconfirmed check: a slice read lists events the saved cursor may still not know.
  const entered = input.entered ?? [];
  return {
    sched: await withEnteredItems(input.providers.sched, sched.read, entered),
    external: await withEnteredItems(input.providers.external, checked.read, entered),
    nextCursors: { sched: sched.next, external: external.next },
    full: { sched: sched.read.full === true, external: external.read.full === true },
    confirmed: checked.confirmed,
    listed: external.read.items.map((item) => item.id),
  };
}
