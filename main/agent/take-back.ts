/**
 * One device per calendar, from the side of a calendar this device has connected (shared/SYNC.md, "Changing a
 * connection"; docs/sync-rules.md, "One device per calendar"): taking it back from the device that took it over, and
 * knowing, before a disconnect, whether Sched's registration is still this device's to remove.
 */
import type { ConnectInput, Connection } from '../../preload/contract';
import type { SchedDirectory } from '../providers/sched-directory';
import type { StoredConnection } from '../store/settings-schema';
import { AgentError } from './agent-error';
import type { ConnectionsDeps } from './connections-deps';
import { thisDevice } from './device-hold';

/**
 * `connect` with `takeover` for a calendar connected here: Sched registers it to this device again and it syncs here
 * from where it stopped (its links and cursors were kept). Another resource is refused (409, naming `resource_id`):
 * take it back first, then remap it.
 */
export async function takeBack(
  deps: ConnectionsDeps,
  stored: StoredConnection,
  input: ConnectInput,
  view: (stored: StoredConnection) => Connection,
): Promise<Connection> {
  if (input.resource_id !== stored.resource_id || input.calendar_service !== stored.calendar_service) {
    throw new AgentError(
      'conflict',
      `resource_id: "${stored.calendar_id}" is connected here to ${stored.resource_id}; take it back with that resource, then change resource_id.`,
    );
  }
  const sched = await deps.clients().sched();
  await sched.registerCalendar({
    resource_id: stored.resource_id,
    calendar_service: stored.calendar_service,
    calendar_id: stored.calendar_id,
    device: thisDevice(deps.settings),
    takeover: true,
  });
  const { db } = deps;
  const lost = db.heldElsewhere.get(stored.calendar_id);
  db.transaction(() => {
    db.connections.ensure(stored.calendar_id);
    db.heldElsewhere.clear(stored.calendar_id);
    if (lost) db.connections.update(stored.calendar_id, { status: 'active', statusMessage: null });
  });
  // Sched shows a new registration as `active`: a paused connection, say, is told again.
  await deps.registered?.(stored.calendar_id);
  deps.changed();
  const shown = view(stored);
  deps.bus.publish({ type: 'status', data: shown });
  return shown;
}

/**
 * True when Sched says another device holds the calendar (known from an earlier refusal, or read from Sched's list
 * now): its registration is that device's, and a disconnect here leaves it. A list that cannot be read says no.
 */
export async function heldByAnotherDevice(
  deps: ConnectionsDeps,
  sched: SchedDirectory,
  calendarId: string,
): Promise<boolean> {
  if (deps.db.heldElsewhere.get(calendarId)) return true;
  const holders = await sched.listHolders().catch(() => []);
  const holder = holders.find((h) => h.calendar_id === calendarId)?.device;
  return holder !== undefined && holder !== null && holder.id !== deps.settings.deviceId();
}
