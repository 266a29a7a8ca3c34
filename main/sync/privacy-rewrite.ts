/**
 * Copies written under the other privacy (shared/SYNC.md, `privacy`; docs/sync-rules.md, "Privacy"): after a switch to
 * busy-only the copies the agent made still show the bookings' details, and after a switch back they still read
 * "Busy", until each is written again under the connection's privacy.
 */
import type { Action, UpdateAction } from './actions';
import { contentHash } from './content-hash';
import { alreadyMatches, current, type LinkContext, type Sides } from './link-matching';
import { busyTitle } from './privacy';
import type { Link, LinkSide } from './state';

/**
 * True when the connection's `privacy` changed since the agent wrote this copy of a booking, and the copy still holds
 * what the other privacy wrote: nothing changed on either side, but the calendar would show the booking's details
 * after a switch to busy-only (or "Busy" after a switch back) until the booking changed. The titles say it first
 * ("Busy" or not), so the links that agree with their privacy cost no projection.
 */
export function writtenUnderOtherPrivacy(link: Link, sides: Sides, context: LinkContext): boolean {
  if ((link.origin ?? 'sched') !== 'sched' || context.conflicted || context.follows) return false;
  if (context.settings.direction === 'external-to-sched') return false;
  if (sides.sched.state === 'gone' || sides.external.state === 'gone') return false;
  const busyOnly = context.settings.privacy === 'busy-only';
  if (busyOnly === (current(sides.external, link.external).fields.title === busyTitle)) return false;
  const other = {
    ...context,
    settings: { ...context.settings, privacy: busyOnly ? 'full' : 'busy-only' },
  } as const;
  return !alreadyMatches('external', link, sides, context) && alreadyMatches('external', link, sides, other);
}

/**
 * A person's edit of a copy still written under the other privacy (moved in the calendar after a switch to
 * busy-only, say) reaches the booking through `actions`; the copy is then to be written under the current privacy in
 * the same run, not one run later. Returns the link and sides as that update leaves them, both agreed, when the copy
 * needs it: the rewrite names the booking as the update leaves it, so the next run reads both as agreed.
 */
export function agreedAfterInbound(
  link: Link,
  sides: Sides,
  context: LinkContext,
  actions: readonly Action[],
): { link: Link; sides: Sides } | null {
  const update = actions.find((a): a is UpdateAction => a.type === 'update' && a.side === 'sched');
  if (!update || sides.external.state === 'gone') return null;
  const event = sides.external.current;
  const { fields } = update;
  const booking: LinkSide = { ...current(sides.sched, link.sched), fields, hash: contentHash(fields) };
  const after: Link = { ...link, sched: booking, external: event };
  const agreed: Sides = {
    sched: { state: 'same', current: booking },
    external: { state: 'same', current: event },
  };
  return writtenUnderOtherPrivacy(after, agreed, context) ? { link: after, sides: agreed } : null;
}
