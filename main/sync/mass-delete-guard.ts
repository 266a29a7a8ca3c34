/**
 * The mass-delete guard (shared/SYNC.md, "Deletions and cancellations"): a run that would delete more than
 * `max(5, 25%)` of a connection's links on either side, or that read one side as empty while the state holds
 * 5 or more links, applies nothing until a person reviews it. Broken tokens, a wrong calendar or an outage must
 * not look like "everything was deleted".
 */
import type { Action } from './actions';
import type { Side } from './item';

/** Fewest links the percentage rule is measured against; also the empty-side threshold. */
export const guardFloor = 5;
/** Share of the links a single run may delete on one side. */
export const guardShare = 0.25;

/** The guard's answer, with the figures a person needs to decide. */
export interface GuardVerdict {
  /** `ok`: apply. `needs_review`: apply nothing; ask. `approved`: would need review, but the person said apply. */
  verdict: 'ok' | 'needs_review' | 'approved';
  /** Why review is needed; empty when `ok`. */
  reasons: string[];
  deletes: Record<Side, number>;
  /** Most deletions per side a run may make without review. */
  limit: number;
  links: number;
}

/** What the guard looks at besides the actions. */
export interface GuardInput {
  actions: readonly Action[];
  linkCount: number;
  /** Sides that were read in full and listed no live item. */
  emptySides: readonly Side[];
  /** The person already reviewed this and chose `apply`. */
  approved?: boolean;
}

/** The most deletions on one side a run may make without review, for a connection with `linkCount` links. */
export function deleteLimit(linkCount: number): number {
  return Math.max(guardFloor, Math.floor(linkCount * guardShare));
}

/** Judges a plan's deletions. */
export function checkMassDelete(input: GuardInput): GuardVerdict {
  const deletes: Record<Side, number> = { sched: 0, external: 0 };
  for (const action of input.actions) {
    if (action.type === 'delete') deletes[action.side] += 1;
  }
  const limit = deleteLimit(input.linkCount);
  const reasons: string[] = [];
  for (const side of ['sched', 'external'] as const) {
    const name = side === 'sched' ? 'Sched' : 'the calendar';
    if (deletes[side] > limit) {
      reasons.push(
        `This run would delete ${deletes[side]} items in ${name}, more than ${limit} of ${input.linkCount}.`,
      );
    }
    if (input.emptySides.includes(side) && input.linkCount >= guardFloor) {
      reasons.push(
        `${side === 'sched' ? 'Sched' : 'The calendar'} listed no items, yet ${input.linkCount} are linked.`,
      );
    }
  }
  const verdict = reasons.length === 0 ? 'ok' : input.approved ? 'approved' : 'needs_review';
  return { verdict, reasons, deletes, limit, links: input.linkCount };
}
