/**
 * What holds a connection back from syncing on its own (shared/SYNC.md, "Changing a connection"): a person paused it,
 * or it was just connected and waits for its first run, which only a person starts (Sync now, or Start after its
 * preview). Neither the schedule, the start-up/resume/online triggers nor "sync all" run a held connection. Both
 * flags live with the connection's settings; its sync state (cursors, links, conflicts) is untouched by them.
 */
import type { Connection, SyncStatus } from '../../preload/contract';
import type { StoredConnection } from '../store/settings-schema';
import type { SettingsStore } from '../store/settings-store';

/** The status message of a connection waiting for its first run. */
export const awaitingFirstSyncMessage = 'Waiting for its first sync: preview it, then press Sync now.';

/** The status message of a paused connection. */
export const pausedMessage = 'Syncing of this calendar is paused; resume it to sync again.';

/** True when only a person may start this connection's next run. */
export function isHeld(stored: StoredConnection): boolean {
  return stored.paused === true || stored.awaiting_first_sync === true;
}

/** The connection with `paused` set as asked (absent when not paused, so resumed files read as before). */
export function withPaused(stored: StoredConnection, paused: boolean): StoredConnection {
  const { paused: _was, ...rest } = stored;
  return paused ? { ...rest, paused: true } : rest;
}

/** The connection after its first run: the schedule and the triggers take it from now on. */
export function afterFirstRun(stored: StoredConnection): StoredConnection {
  const { awaiting_first_sync: _was, ...rest } = stored;
  return rest;
}

/**
 * After its first run a connection is the schedule's and the triggers' (SYNC.md, "First run"): saved so. True when it
 * was waiting for that run (the scheduler must read the connections again).
 */
export function finishFirstRun(settings: SettingsStore, calendarId: string): boolean {
  const current = settings.getConnection(calendarId);
  if (current?.awaiting_first_sync !== true) return false;
  settings.saveConnection(afterFirstRun(current));
  return true;
}

/** The status a person (and Sched's Connected Calendars) sees: `paused` over whatever the last run left. */
export function shownStatus(stored: StoredConnection, status: SyncStatus): SyncStatus {
  return stored.paused === true ? 'paused' : status;
}

/** The view's status fields, with what a hold means said in words. */
export function heldView(
  stored: StoredConnection,
  status: SyncStatus,
  message: string | null,
): Pick<Connection, 'sync_status' | 'status_message' | 'awaiting_first_sync'> {
  const awaiting = stored.awaiting_first_sync === true;
  if (stored.paused === true) {
    return { sync_status: 'paused', status_message: pausedMessage, awaiting_first_sync: awaiting };
  }
  return {
    sync_status: status,
    status_message: message ?? (awaiting && status === 'active' ? awaitingFirstSyncMessage : null),
    awaiting_first_sync: awaiting,
  };
}
