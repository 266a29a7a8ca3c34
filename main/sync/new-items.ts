/**
 * Creates for items that have no link yet (shared/SYNC.md, "What each direction may touch"): bookings in the
 * window become events in outbound directions, events in the window become bookings in inbound directions.
 * The agent's own copies (tagged events, bookings with this calendar's `source`) are never copied again.
 */
import type { CreateAction } from './actions';
import type { Capabilities } from './capabilities';
import { createKey, identityFor, recreateKey } from './identity';
import type { Side, SyncItem } from './item';
import { otherSide } from './item';
import type { SideView } from './observations';
import { projectOnto } from './projection';
import { cameFromThisCalendar } from './relink';
import type { ConnectionRef, PlanSettings } from './settings';
import { isInbound, isOutbound } from './settings';
import type { UndoneItem } from './state';
import { hashMatches } from './content-hash';
import { linkSideOf } from './state';
import type { SyncWindow } from './window';
import { overlapsWindow } from './window';

/** What deciding creates needs. */
export interface NewItemsInput {
  sched: SideView;
  external: SideView;
  settings: PlanSettings;
  connection: ConnectionRef;
  window: SyncWindow;
  zone: string;
  /** Ids already in a link (stored or found by tags this run). */
  linkedBookings: ReadonlySet<string>;
  linkedEvents: ReadonlySet<string>;
  /** Events whose overlap conflict the person answered with `skip`. */
  skippedEventIds: ReadonlySet<string>;
  /** Events whose overlap conflict the person answered with `import anyway`. */
  importAnyway: ReadonlySet<string>;
  /** Events of an open double booking whose slot is still taken, with the version Sched refused (`HeldOverlap`). */
  heldOverlaps: ReadonlyMap<string, string>;
  /** Items whose copy an undo removed, by id (see `UndoneItem`). */
  undone: Record<'sched' | 'external', ReadonlyMap<string, UndoneItem>>;
  capabilities: Capabilities;
}

/**
 * The key of a first copy; or, when an undo removed an earlier copy, one that names that copy: the removed copy
 * still answers to the first key (Google keeps deleted ids, Sched keeps idempotency keys).
 */
function keyFor(target: Side, source: SyncItem, input: NewItemsInput): string {
  const undone = input.undone[otherSide(target)].get(source.id);
  return undone
    ? recreateKey(input.connection.id, target, source.id, undone.copyId)
    : createKey(input.connection.id, target, source.id);
}

function exportBooking(booking: SyncItem, input: NewItemsInput): CreateAction {
  return {
    type: 'create',
    side: 'external',
    fields: projectOnto('external', booking, booking, 'sched', input.settings.privacy, input.capabilities),
    idempotencyKey: keyFor('external', booking, input),
    ...identityFor('external', booking, input.connection),
    counterpart: linkSideOf(booking),
    reason: 'new',
  };
}

function importEvent(event: SyncItem, input: NewItemsInput): CreateAction {
  const counterpart = linkSideOf(event);
  return {
    type: 'create',
    side: 'sched',
    fields: projectOnto('sched', event, event, 'external', input.settings.privacy, input.capabilities),
    idempotencyKey: keyFor('sched', event, input),
    ...identityFor('sched', event, input.connection),
    ...(input.importAnyway.has(event.id) ? { allowOverlap: true } : {}),
    counterpart,
    // The agent's copy of a booking made again: its tags are rewritten to name the new booking.
    ...(event.tags
      ? {
          retag: {
            eventId: event.id,
            ifMatch: event.version,
            fields: counterpart.fields,
            connectionId: input.connection.id,
          },
        }
      : {}),
    reason: 'new',
  };
}

/**
 * True for the agent's own copy of a booking, unlinked, whose booking an undo removed (it undid the run that made that
 * booking again from the copy) and that a person edited since: a new wish, booked like any new event.
 */
function copyEditedAfterUndo(event: SyncItem, input: NewItemsInput): boolean {
  if (event.tags?.connectionId !== input.connection.id) return false;
  return input.undone.external.has(event.id) && !stillUndone(event, input.undone.external);
}

/** True while the item is as it was when an undo removed its copy. */
function stillUndone(item: SyncItem, undone: ReadonlyMap<string, UndoneItem>): boolean {
  return hashMatches(undone.get(item.id)?.hash, linkSideOf(item).fields);
}
/** Creates for the unlinked items of this run's reads, in a stable order. */
export function planNewItems(input: NewItemsInput): CreateAction[] {
  const creates: CreateAction[] = [];
  const inWindow = (item: SyncItem): boolean => overlapsWindow(item, input.window, input.zone);
  if (isOutbound(input.settings.direction)) {
    for (const booking of input.sched.presentItems()) {
      if (input.linkedBookings.has(booking.id) || !inWindow(booking)) continue;
      if (cameFromThisCalendar(booking, input.connection) || stillUndone(booking, input.undone.sched))
        continue;
      creates.push(exportBooking(booking, input));
    }
  }
  if (isInbound(input.settings.direction)) {
    for (const event of input.external.presentItems()) {
      if (input.linkedEvents.has(event.id) || !inWindow(event)) continue;
      // Any tagged event is a copy of some booking; importing it would make that booking twice.
      if ((event.tags && !copyEditedAfterUndo(event, input)) || input.skippedEventIds.has(event.id)) continue;
      if (input.importAnyway.has(event.id)) {
        creates.push(importEvent(event, input));
        continue;
      }
      if (stillUndone(event, input.undone.external)) continue;
      if (input.heldOverlaps.get(event.id) === event.version) continue;
      creates.push(importEvent(event, input));
    }
  }
  return creates;
}
