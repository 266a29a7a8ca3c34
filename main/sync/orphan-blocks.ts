/**
 * Busy blocks left without their event (shared/SYNC.md, "Availability": an exception follows its event and goes
 * when the event goes). A block the agent made from an event of this calendar is normally cancelled through its
 * link; one with no link (the state DB was lost, and the event deleted or made free meanwhile) is found by its
 * `source`: when a full read of the calendar no longer shows that event as busy time, the block is cancelled, so a
 * resource is never kept unavailable by an event that is gone.
 */
import type { DeleteAction } from './actions';
import { fieldsOf } from './item';
import type { SideView } from './observations';
import { cameFromThisCalendar } from './relink';
import { schedKindOf } from './sched-kinds';
import type { ConnectionRef, PlanSettings } from './settings';

/** The cancellations of unlinked blocks whose event a full read of the calendar no longer shows. */
export function orphanBlocks(
  sched: SideView,
  external: SideView,
  connection: ConnectionRef,
  settings: Pick<PlanSettings, 'direction'>,
  linkedBookings: ReadonlySet<string>,
): DeleteAction[] {
  // Only a full read tells "gone" from "not changed since the cursor"; a direction that never writes Sched leaves it.
  if (!external.full || settings.direction === 'sched-to-external') return [];
  return sched.presentItems().flatMap((block): DeleteAction[] => {
    if (schedKindOf(block.id) !== 'exception' || linkedBookings.has(block.id)) return [];
    if (!cameFromThisCalendar(block, connection) || !block.source) return [];
    const eventId = block.source.eventId;
    if (external.get(eventId)) return [];
    return [
      {
        type: 'delete',
        side: 'sched',
        id: block.id,
        ifMatch: block.version,
        before: fieldsOf(block),
        link: { bookingId: block.id, eventId },
        reason: 'deleted',
      },
    ];
  });
}
