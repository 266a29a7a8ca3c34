/**
 * The decision for one existing link: which side is the truth this run, and which create, update, delete, link,
 * unlink or conflict action makes the other side match it (shared/SYNC.md, "What each direction may touch",
 * "Conflicts", "Deletions and cancellations").
 */
import type { Action, ActionReason, LinkKey } from './actions';
import { heldFields } from './capabilities';
import { editConflict, newerSide, resolveConflict } from './conflicts';
import { contentHash, hashMatches } from './content-hash';
import { identityFor, recreateKey } from './identity';
import type { ItemFields, Side } from './item';
import { otherSide } from './item';
import { alreadyMatches, current, type LinkContext, type Sides } from './link-matching';
import type { Observation } from './observations';
import { agreedAfterInbound, writtenUnderOtherPrivacy } from './privacy-rewrite';
import { projectOnto } from './projection';
import { schedKindOf } from './sched-kinds';
import type { Link } from './state';

export type { LinkContext } from './link-matching';

function changed(observation: Observation): boolean {
  return observation.state !== 'same';
}

/**
 * True when `side` changed in a way the other side could receive. An edit of only a field the other side cannot hold
 * (a location set in Google, for Sched) has nothing to copy, so it neither wins over nor conflicts with an edit there.
 * Against a deletion on the other side any edit counts (SYNC.md: deleted on one side, edited on the other), and a
 * relinked pair has no baseline fields to compare, so any change counts there too.
 */
function changedTowardsOther(side: Side, link: Link, sides: Sides, context: LinkContext): boolean {
  const observation = sides[side];
  const otherGone = sides[otherSide(side)].state === 'gone';
  if (observation.state !== 'changed' || context.relinked || otherGone) return changed(observation);
  const receiver = context.capabilities[otherSide(side)];
  const now = heldFields(observation.current.fields, receiver);
  const before = heldFields(link[side].fields, receiver);
  return contentHash(now) !== contentHash(before);
}

/** Bookkeeping when nothing needs writing but a version or hash moved on (an echo, or a relink). */
function refresh(link: Link, sides: Sides, force: boolean): Action[] {
  const next: Link = {
    sched: current(sides.sched, link.sched),
    external: current(sides.external, link.external),
    origin: link.origin ?? 'sched',
  };
  const moved =
    next.sched.version !== link.sched.version ||
    next.external.version !== link.external.version ||
    next.sched.hash !== link.sched.hash ||
    next.external.hash !== link.external.hash;
  return moved || force ? [{ type: 'link', link: next, reason: force ? 'relink' : 'refresh' }] : [];
}

/** True when the link's Sched item is a busy block the agent made from the link's event. */
const isBlockOfEvent = (link: Link): boolean =>
  (link.origin ?? 'sched') === 'external' && schedKindOf(link.sched.id) === 'exception';

/** True when either side already holds what the other would write onto it. */
function agrees(link: Link, sides: Sides, context: LinkContext): boolean {
  return alreadyMatches('external', link, sides, context) || alreadyMatches('sched', link, sides, context);
}

/** Which side wins this run, or a conflict / nothing. */
function pickWinner(link: Link, sides: Sides, context: LinkContext): Side | 'conflict' | 'none' {
  // A busy block is never written onto the person's event (below): keeping Sched's block, as it is, writes nothing.
  if (context.resolution)
    return context.resolution === 'sched' && isBlockOfEvent(link) ? 'none' : context.resolution;
  const schedChanged = changedTowardsOther('sched', link, sides, context);
  const externalChanged = changedTowardsOther('external', link, sides, context);
  if (!schedChanged && !externalChanged) return 'none';
  // Gone on both sides: nothing to disagree about, only the link to forget.
  if (sides.sched.state === 'gone' && sides.external.state === 'gone') return 'sched';
  if (context.conflicted) {
    // Both sides now say the same: the conflict settled itself (the engine takes it off the list).
    const equal = sides.sched.state !== 'gone' && sides.external.state !== 'gone';
    return equal && alreadyMatches('external', link, sides, context) ? 'none' : 'conflict';
  }
  const bothPresent = sides.sched.state !== 'gone' && sides.external.state !== 'gone';
  // Both changed (or, relinked, no baseline says) and already say the same, each as its side keeps it (a busy block
  // reads "Unavailable: …"): nothing to settle, in any direction. Without this a relinked pair would write one
  // side's own words onto the other.
  const bothChanged = context.relinked || (schedChanged && externalChanged);
  if (bothPresent && bothChanged && agrees(link, sides, context)) return 'none';
  // A busy block follows its event (SYNC.md, "Availability"): it goes when its event goes, in every direction (it is
  // the agent's own, made from that event), and it is never written onto the person's event (nor made again there
  // once the event is gone), whatever changed the block; `sched-to-external` leaves both as they are otherwise.
  if (isBlockOfEvent(link)) {
    if (sides.external.state === 'gone') return 'external';
    if (context.settings.direction === 'sched-to-external') return 'none';
    // Present or cancelled in Sched, the block is made to match its event: a cancelled one is made again while the
    // event is busy time, and the event is never deleted for it.
    return 'external';
  }
  if (context.settings.direction === 'sched-to-external') return 'sched';
  if (context.settings.direction === 'external-to-sched') return 'external';
  // Moving the booking here would only be moved back by the calendar it follows: the copy goes back to it instead.
  if (context.held) return 'sched';
  if (schedChanged && !externalChanged) return 'sched';
  if (externalChanged && !schedChanged) return 'external';
  // A busy block found again by its tags follows its event (SYNC.md, "Availability"): with no baseline to tell who
  // changed what, the block's own words and times are never written onto the person's event.
  if (context.relinked && bothPresent && isBlockOfEvent(link)) return 'external';
  // Found again with no baseline (a lost state DB): both said the same at the last sync, so the side changed later is
  // the one a person edited meanwhile, and it wins whichever side the rule prefers; `manual` still asks.
  const newer = context.relinked && bothPresent ? newerSide(sides.sched, sides.external) : null;
  if (newer && context.settings.conflict_resolution !== 'manual') return newer;
  const verdict = resolveConflict(context.settings.conflict_resolution, sides.sched, sides.external);
  return verdict === 'manual' ? 'conflict' : verdict;
}

/** Actions that make the loser match the winner. */
function propagate(
  winner: Side,
  link: Link,
  sides: Sides,
  context: LinkContext,
  reason: ActionReason,
): Action[] {
  const loser = otherSide(winner);
  const key: LinkKey = { bookingId: link.sched.id, eventId: link.external.id };
  const winnerSeen = sides[winner];
  const loserSeen = sides[loser];
  const origin = link.origin ?? 'sched';
  if (winnerSeen.state === 'gone') {
    if (loserSeen.state === 'gone') return [{ type: 'unlink', link: key, reason: 'both-gone' }];
    const target = current(loserSeen, link[loser]);
    return [
      {
        type: 'delete',
        side: loser,
        id: target.id,
        ifMatch: target.version,
        before: target.fields,
        link: key,
        reason,
      },
    ];
  }
  const source = winnerSeen.current;
  if (loserSeen.state === 'gone') {
    // A recreated copy is the agent's own from now on, marked as such (tags or source), so it is projected with the
    // origin a relink by those marks would give it: the side it is copied from.
    const fields = projectOnto(
      loser,
      source.fields,
      source.fields,
      winner,
      context.settings.privacy,
      context.capabilities,
    );
    return [
      {
        type: 'create',
        side: loser,
        fields,
        idempotencyKey: recreateKey(context.connection.id, loser, source.id, link[loser].id),
        ...identityFor(loser, source, context.connection),
        counterpart: source,
        replaces: key,
        // The event was the agent's copy of the gone booking: its tags are made to name the new one.
        ...(loser === 'sched' && origin === 'sched'
          ? {
              retag: {
                eventId: source.id,
                ifMatch: source.version,
                fields: source.fields,
                connectionId: context.connection.id,
              },
            }
          : {}),
        reason: reason === 'conflict-resolved' ? reason : 'recreate',
      },
    ];
  }
  const target = loserSeen.current;
  const fields: ItemFields = projectOnto(
    loser,
    source.fields,
    target.fields,
    origin,
    context.settings.privacy,
    context.capabilities,
  );
  if (hashMatches(target.hash, fields)) return refresh(link, sides, context.relinked);
  const update: Action = {
    type: 'update',
    side: loser,
    id: target.id,
    ifMatch: target.version,
    fields,
    before: target.fields,
    counterpart: source,
    origin,
    link: key,
    reason,
  };
  return context.relinked ? [...refresh(link, sides, true), update] : [update];
}

/** The actions for one link given what each side's read showed. */
export function decideLink(link: Link, sides: Sides, context: LinkContext): Action[] {
  if (context.follows && context.settings.direction === 'external-to-sched') return [];
  const winner = pickWinner(link, sides, context);
  if (winner === 'none') {
    if (writtenUnderOtherPrivacy(link, sides, context))
      return propagate('sched', link, sides, context, 'privacy');
    return refresh(link, sides, context.relinked);
  }
  if (winner === 'conflict') {
    const key = { bookingId: link.sched.id, eventId: link.external.id };
    const conflict = editConflict(key, sides.sched, sides.external, link, context.capabilities);
    return context.relinked ? [...refresh(link, sides, true), conflict] : [conflict];
  }
  const reason = pickReason(winner, link, sides, context);
  const actions = propagate(winner, link, sides, context, reason);
  const after = winner === 'external' ? agreedAfterInbound(link, sides, context, actions) : null;
  if (!after) return actions;
  // The copy the person edited, still under the other privacy, is written under this one in the same run.
  return [
    ...actions,
    ...propagate('sched', after.link, after.sides, { ...context, relinked: false }, 'privacy'),
  ];
}

function pickReason(winner: Side, link: Link, sides: Sides, context: LinkContext): ActionReason {
  if (context.resolution) return 'conflict-resolved';
  const loser = otherSide(winner);
  const twoWay = context.settings.direction === 'two-way';
  // The loser first: it has usually not changed, which is known without hashing the winner's fields again.
  const bothChanged =
    changedTowardsOther(loser, link, sides, context) && changedTowardsOther(winner, link, sides, context);
  if (twoWay && bothChanged) return 'conflict-resolved';
  if (!changed(sides[winner])) return 'overwrite';
  return sides[winner].state === 'gone' ? 'deleted' : 'changed';
}
