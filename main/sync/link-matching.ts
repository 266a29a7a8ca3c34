/** What a link's two sides hold now, and whether one already holds what the other would write onto it. */
import { keptFields } from './capabilities';
import { hashMatches } from './content-hash';
import type { Side } from './item';
import { otherSide } from './item';
import type { Capabilities } from './capabilities';
import type { ConnectionRef, PlanSettings } from './settings';
import type { Observation } from './observations';
import { projectOnto } from './projection';
import type { Link, LinkSide } from './state';

/** What the decision needs besides the link itself. */
export interface LinkContext {
  settings: PlanSettings;
  connection: ConnectionRef;
  /** A person's choice for this link's open conflict, if any. */
  resolution?: Side;
  /** The link has an open manual conflict: write nothing until it is resolved. */
  conflicted: boolean;
  /**
   * The Sched item follows another calendar's event (`SyncState.heldBookingIds`: its one-way import, or its busy
   * block), so in two-way it wins over any change to its copy here, a deletion too, as in `sched-to-external`.
   */
  held?: boolean;
  /**
   * The Sched item came from another calendar's event (`SyncState.followedBookingIds`): under `external-to-sched`
   * its copy here is not this calendar's own, so nothing is written for the pair, either way, and the baselines stay.
   */
  follows?: boolean;
  /** The link was just made by a relink: there is no common baseline, so any difference is a change on both sides. */
  relinked: boolean;
  /** What each side can hold: nothing is compared or written for a field the receiving side cannot store. */
  capabilities: Capabilities;
}

/** What each side's read showed of a link's items. */
export type Sides = Record<Side, Observation>;

/** The item as the read showed it, or as last synced when the read showed it gone. */
export function current(observation: Observation, last: LinkSide): LinkSide {
  return observation.state === 'gone' ? last : observation.current;
}

/** True when writing `from`'s content onto `to` would change nothing a person can see. */
export function alreadyMatches(to: Side, link: Link, sides: Sides, context: LinkContext): boolean {
  const from = otherSide(to);
  const source = current(sides[from], link[from]);
  const target = current(sides[to], link[to]);
  const projected = projectOnto(
    to,
    source.fields,
    target.fields,
    link.origin ?? 'sched',
    context.settings.privacy,
    context.capabilities,
  );
  return hashMatches(target.hash, keptFields(projected, context.capabilities[to]));
}
