/**
 * `plan`: the pure heart of a run (shared/SYNC.md; vdirsyncer's plan-then-apply, STYLE.md). From the stored links
 * and what each side reported since the last run it decides every write, and nothing else: the engine applies the
 * actions (see actions.ts for how), the preview shows them, and the mass-delete guard may hold them all back.
 */
import type { Action } from './actions';
import type { Capabilities } from './capabilities';
import type { Side } from './item';
import { decideLink, type LinkContext } from './link-decision';
import { LinkedIds } from './linked-ids';
import { checkMassDelete, type GuardVerdict } from './mass-delete-guard';
import { planNewItems } from './new-items';
import type { SideRead } from './observations';
import { SideView } from './observations';
import { withoutFreeTime } from './free-time';
import { findTaggedPairs } from './relink';
import { orphanBlocks } from './orphan-blocks';
import type { ConnectionRef, PlanSettings } from './settings';
import type { SyncState } from './state';
import type { SyncWindow } from './window';

/** A decided edit conflict: which side's version to keep for one link. */
export interface KeepVersion {
  bookingId: string;
  keep: Side;
}

/** Everything a plan is made from. `now` is the only clock. */
export interface PlanInput {
  state: SyncState;
  /** Sched's changes since the last run (or a full read of the window). */
  sched: SideRead;
  /** The external calendar's changes since the last run (or a full read of the window). */
  external: SideRead;
  settings: PlanSettings;
  connection: ConnectionRef;
  /** The resource's IANA zone: days of the window and all-day dates are counted in it. */
  resourceTimezone: string;
  /** The run's sync window (`syncWindow` of `now` and the settings' days, in the resource's zone), computed once. */
  window: SyncWindow;
  /**
   * What each side can hold, from its provider's port: Sched has no location field (see item.ts for what that
   * changes).
   */
  capabilities: Capabilities;
  /** RFC 3339 instant the run started. */
  now: string;
  /**
   * Choices for open conflicts. Pass the current items of both sides of each chosen link in `sched`/`external`
   * (the engine `get`s them); a side not passed is taken as last synced.
   */
  resolutions?: readonly KeepVersion[];
  /** Events the person chose to `import anyway` after an overlap (pass their items in `external`). */
  importAnyway?: readonly string[];
  /** The person reviewed a run the guard stopped and chose `apply`. */
  reviewApproved?: boolean;
}

/** Counts per kind and side, for previews and run summaries. */
export interface PlanCounts {
  create: Record<Side, number>;
  update: Record<Side, number>;
  delete: Record<Side, number>;
  conflicts: number;
}

/** The plan of one run. Apply `actions` in order unless `guard.verdict` is `needs_review`. */
export interface Plan {
  actions: Action[];
  guard: GuardVerdict;
  window: SyncWindow;
  counts: PlanCounts;
}

/** Counts of a list of actions. */
export function countActions(actions: readonly Action[]): PlanCounts {
  const counts: PlanCounts = {
    create: { sched: 0, external: 0 },
    update: { sched: 0, external: 0 },
    delete: { sched: 0, external: 0 },
    conflicts: 0,
  };
  for (const action of actions) {
    if (action.type === 'conflict') counts.conflicts += 1;
    else if (action.type === 'create' || action.type === 'update' || action.type === 'delete') {
      counts[action.type][action.side] += 1;
    }
  }
  return counts;
}

/** Decides every action of one run. Pure: the same input always gives the same plan. */
export function plan(input: PlanInput): Plan {
  const zone = input.resourceTimezone;
  const { window, capabilities } = input;
  const sched = new SideView(input.sched, window, zone, capabilities.sched);
  const external = new SideView(withoutFreeTime(input.external), window, zone, capabilities.external);
  const conflicted = new Set(input.state.conflictedBookingIds ?? []);
  const held = new Set(input.state.heldBookingIds ?? []);
  const followed = new Set(input.state.followedBookingIds ?? []);
  const choices = new Map((input.resolutions ?? []).map((choice) => [choice.bookingId, choice.keep]));
  const linkedBookings = new LinkedIds((id) => sched.get(id) !== undefined);
  const linkedEvents = new LinkedIds((id) => external.get(id) !== undefined);
  const actions: Action[] = [];
  // Most links have no choice, conflict or hold: they share one context instead of building one each.
  const plain: LinkContext = {
    settings: input.settings,
    connection: input.connection,
    conflicted: false,
    held: false,
    relinked: false,
    capabilities,
  };

  for (const link of input.state.links) {
    const bookingId = link.sched.id;
    linkedBookings.add(bookingId);
    linkedEvents.add(link.external.id);
    const sides = { sched: sched.observe(link.sched), external: external.observe(link.external) };
    const resolution = choices.get(bookingId);
    const isConflicted = conflicted.has(bookingId);
    const isHeld = held.has(bookingId);
    const follows = followed.has(bookingId);
    const context =
      resolution || isConflicted || isHeld || follows
        ? {
            ...plain,
            conflicted: isConflicted,
            held: isHeld,
            follows,
            ...(resolution ? { resolution } : {}),
          }
        : plain;
    // One push per action: spreading each link's list into `push` costs more than the list itself.
    for (const action of decideLink(link, sides, context)) actions.push(action);
  }

  for (const { link } of findTaggedPairs(sched, external, input.connection, linkedBookings, linkedEvents)) {
    linkedBookings.add(link.sched.id);
    linkedEvents.add(link.external.id);
    const sides = { sched: sched.observe(link.sched), external: external.observe(link.external) };
    actions.push(
      ...decideLink(link, sides, {
        settings: input.settings,
        connection: input.connection,
        conflicted: false,
        held: held.has(link.sched.id),
        relinked: true,
        capabilities,
      }),
    );
  }

  actions.push(...orphanBlocks(sched, external, input.connection, input.settings, linkedBookings));

  actions.push(
    ...planNewItems({
      sched,
      external,
      settings: input.settings,
      connection: input.connection,
      window,
      zone,
      linkedBookings,
      linkedEvents,
      skippedEventIds: new Set(input.state.skippedEventIds ?? []),
      importAnyway: new Set(input.importAnyway ?? []),
      heldOverlaps: new Map((input.state.heldOverlaps ?? []).map((held) => [held.eventId, held.version])),
      undone: {
        sched: new Map((input.state.skippedBookings ?? []).map((item) => [item.id, item])),
        external: new Map((input.state.skippedEvents ?? []).map((item) => [item.id, item])),
      },
      capabilities,
    }),
  );

  const emptySides = (['sched', 'external'] as const).filter((side) => {
    const view = side === 'sched' ? sched : external;
    return view.full && view.presentItems().length === 0;
  });
  const guard = checkMassDelete({
    actions,
    linkCount: input.state.links.length,
    emptySides,
    ...(input.reviewApproved ? { approved: true } : {}),
  });
  return { actions, guard, window, counts: countActions(actions) };
}
