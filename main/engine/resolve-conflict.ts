/**
 * A person's choice for a conflict (shared/SYNC.md, "Conflicts"): for an edit conflict keep Sched's or the
 * calendar's version (written over the other side); for an overlap import the event anyway (`allow_overlap`) or
 * skip it for good; for a moved event's overlap also keep Sched's time (the event goes back to its booking's), and
 * its skip holds until the event changes again. The conflict is marked resolved only after its writes went through.
 */
import { AppError } from '../errors/app-error';
import {
  choiceFits,
  choicesFor,
  choicesOfKind,
  isMovedOverlap,
  type Conflict,
  type ConflictChoice,
} from '../store';
import { linkSideOf, type Action, type Direction } from '../sync';
import type { ActionApplier } from './action-applier';
import type { ConnectionSession } from './connection-session';

/** The conflict does not exist, belongs to another connection, or was already resolved. */
export class ConflictNotFoundError extends AppError {
  constructor(readonly conflictId: number) {
    super('not_found', `There is no open conflict ${conflictId} for this calendar; nothing was changed.`);
  }
}

/**
 * The choice does not fit the conflict's kind (e.g. `import-anyway` for an edit conflict), or would write to a side
 * the connection's direction never writes to (e.g. `keep-sched`, which writes the calendar, on `external-to-sched`).
 */
export class ResolutionNotAllowedError extends AppError {
  readonly kind: Conflict['kind'];

  constructor(
    conflict: Pick<Conflict, 'kind' | 'bookingId'>,
    readonly resolution: ConflictChoice,
    direction: Direction,
  ) {
    const allowed = choicesFor(conflict, direction).map((choice) => `"${choice}"`);
    const takes = `this conflict takes ${allowed.join(' or ')}; nothing was changed.`;
    const what = conflict.kind === 'edit' ? 'an edit conflict' : 'a double booking';
    const written = resolution === 'keep-sched' ? 'the calendar' : 'Sched';
    super(
      'validation',
      choicesOfKind(conflict).includes(resolution)
        ? `resolution: "${resolution}" would write to ${written}, which a ${direction} connection never writes to; ${takes}`
        : `resolution: ${what} is not resolved with "${resolution}"; ${takes}`,
    );
    this.kind = conflict.kind;
  }
}

/** What resolving needs. */
export interface ResolveInput {
  session: ConnectionSession;
  conflictId: number;
  resolution: ConflictChoice;
  applier: ActionApplier;
}

/** The open conflict `conflictId` of this connection, checked against the choice; throws before anything is written. */
export function openConflictFor(
  session: ConnectionSession,
  conflictId: number,
  resolution: ConflictChoice,
): Conflict {
  const conflict = session.db.conflicts.get(conflictId);
  if (!conflict || conflict.resolvedAt !== null || conflict.connectionId !== session.key) {
    throw new ConflictNotFoundError(conflictId);
  }
  const { direction } = session.connection.settings;
  if (!choiceFits(conflict, resolution, direction))
    throw new ResolutionNotAllowedError(conflict, resolution, direction);
  return conflict;
}

/** Applies the choice and marks the conflict resolved. Provider failures propagate and leave it open. */
export async function resolveConflict(input: ResolveInput): Promise<void> {
  const { session, conflictId, resolution } = input;
  const conflict = openConflictFor(session, conflictId, resolution);
  if (conflict.kind === 'edit') await resolveEdit(input, conflict);
  else await resolveOverlap(input, conflict);
  session.db.conflicts.resolve(conflictId, resolution);
}

async function resolveEdit(input: ResolveInput, conflict: Conflict): Promise<void> {
  const { session, resolution } = input;
  const bookingId = conflict.bookingId ?? '';
  const link = session.links.byBooking(bookingId);
  if (!link) return; // Unlinked since (e.g. gone on both sides): nothing left to write.
  const sched = await session.reread('sched', link.sched.id);
  const external = await session.reread('external', link.external.id);
  const keep = resolution === 'keep-sched' ? 'sched' : 'external';
  const state = session.state();
  const planned = session.plan({
    state: { ...state, links: [link] },
    sched,
    external,
    resolutions: [{ bookingId: link.sched.id, keep }],
  });
  await input.applier.applyAll(planned.actions);
}

async function resolveOverlap(input: ResolveInput, conflict: Conflict): Promise<void> {
  const { session, resolution } = input;
  if (isMovedOverlap(conflict)) return resolveMovedOverlap(input, conflict);
  if (resolution === 'skip') return; // The store remembers the skipped event when it resolves the conflict.
  const eventId = conflict.eventId ?? '';
  const external = await session.reread('external', eventId);
  const planned = session.plan({
    state: session.state(),
    sched: { items: [] },
    external,
    importAnyway: [eventId],
  });
  await input.applier.applyAll(planned.actions);
}

/**
 * A moved event's overlap: `keep-sched` writes the booking's version over the event (back to the booking's time),
 * `import-anyway` writes the event's over the booking with `allow_overlap`, and `skip` takes the event as it stands
 * for the link's baseline, so it is not tried again until it changes again.
 */
async function resolveMovedOverlap(input: ResolveInput, conflict: Conflict): Promise<void> {
  const { session, resolution } = input;
  const link = session.links.byBooking(conflict.bookingId ?? '');
  if (!link) return; // Unlinked since: nothing left to write.
  const sched = await session.reread('sched', link.sched.id);
  const external = await session.reread('external', link.external.id);
  if (resolution === 'skip') {
    const event = external.items[0];
    if (event) session.db.transaction(() => session.links.save({ ...link, external: linkSideOf(event) }));
    return;
  }
  const planned = session.plan({
    state: { ...session.state(), links: [link] },
    sched,
    external,
    resolutions: [{ bookingId: link.sched.id, keep: resolution === 'keep-sched' ? 'sched' : 'external' }],
  });
  const anyway = (action: Action): Action =>
    action.type === 'update' && action.side === 'sched' ? { ...action, allowOverlap: true } : action;
  await input.applier.applyAll(
    resolution === 'import-anyway' ? planned.actions.map(anyway) : planned.actions,
  );
}
