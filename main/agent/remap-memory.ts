/**
 * A pending remap remembered in the settings file as well as in the state DB (`StoredConnection.remap_from`), so a
 * state DB lost between asking for a remap and its run cannot leave the calendar's events booked on both resources
 * (docs/sync-rules.md, "Lost state"): before that run, the old pairing is found again (engine recover-pairing.ts).
 */
import type { StateDb } from '../store/state-db';
import type { SettingsStore } from '../store/settings-store';
import type { StoredConnection } from '../store/settings-schema';
import type { EngineConnection } from '../engine/types';
import type { RunSummary } from '../../preload/contract';
import { AppError } from '../errors/app-error';
import { AgentError } from './agent-error';

/** What recovering needs from the agent. */
export interface RemapMemoryDeps {
  settings: SettingsStore;
  db: StateDb;
  engine: {
    recoverPairing(old: EngineConnection, toResourceId: string): Promise<number>;
    finishUnfinished(conn: EngineConnection): Promise<void>;
    run(conn: EngineConnection): Promise<Pick<RunSummary, 'status' | 'message'>>;
  };
  connectionOf: (stored: StoredConnection) => Promise<EngineConnection>;
  /** Why the connection may not run now (paused, held by another device, its status), or undefined. */
  heldBack?: (stored: StoredConnection) => string | undefined;
}

/**
 * The deps for a sync service: a remap finished before another one (`finishBeforeRemap`) runs through the service's
 * own queue (`runNow`) like any run, so it never goes beside a scheduled run of the same calendar.
 */
export function remapMemoryDeps(
  deps: Omit<RemapMemoryDeps, 'engine' | 'connectionOf'> & {
    engine: Omit<RemapMemoryDeps['engine'], 'run'>;
  },
  connectionOf: RemapMemoryDeps['connectionOf'],
  runNow: (calendarId: string) => Promise<Pick<RunSummary, 'status' | 'message'>>,
  heldBack?: RemapMemoryDeps['heldBack'],
): RemapMemoryDeps {
  const { engine } = deps;
  return {
    settings: deps.settings,
    db: deps.db,
    engine: {
      recoverPairing: (old, to) => engine.recoverPairing(old, to),
      finishUnfinished: (conn) => engine.finishUnfinished(conn),
      run: (conn) => runNow(conn.calendarId),
    },
    connectionOf,
    ...(heldBack ? { heldBack } : {}),
  };
}

/** Copies the state DB's pending remap of the calendar into the settings file (none: takes it off). */
export function rememberRemap(deps: Pick<RemapMemoryDeps, 'settings' | 'db'>, calendarId: string): void {
  const stored = deps.settings.getConnection(calendarId);
  if (!stored) return;
  const pairing = deps.db.remaps.pairing(calendarId);
  // A state DB that knows no pairing (lost) knows nothing to take off: what the settings file remembers stays.
  if (pairing === null) return;
  const pending = pairing.pendingFrom;
  // 'unknown': an old pairing from before remaps were remembered, nothing to find it again by.
  const from = pending === null || pending === 'unknown' ? undefined : pending;
  if (from === stored.remap_from) return;
  const { remap_from: _old, ...rest } = stored;
  deps.settings.saveConnection(from === undefined ? rest : { ...rest, remap_from: from });
}

/**
 * Before a run or preview: when a remap waits for its run (in the state DB, or only in the settings file when the
 * state DB was lost) but the state DB holds none of the old pairing's links (lost, before or after the remap was
 * asked for), finds the old pairing again and asks for the remap once more. A resource Sched no longer has leaves
 * nothing to find: the run goes on as after any lost state.
 */
export async function recoverRemap(deps: RemapMemoryDeps, stored: StoredConnection): Promise<void> {
  const pairing = deps.db.remaps.pairing(stored.calendar_id);
  // A pairing with no remap pending: the remap has run (a settings file not yet told so is put right after the run).
  if (pairing !== null && pairing.pendingFrom === null) return;
  const from = pairing?.pendingFrom ?? stored.remap_from;
  if (from === undefined || from === 'unknown' || from === stored.resource_id) return;
  // The old pairing's links are what the remap run moves and removes; while any is left, it has them.
  if (deps.db.links.count(stored.calendar_id) > 0) return;
  let old: EngineConnection;
  try {
    old = await deps.connectionOf({ ...stored, resource_id: from });
  } catch (error) {
    if (!(error instanceof AgentError && error.code === 'not_found')) throw error;
    const { remap_from: _gone, ...rest } = stored;
    deps.settings.saveConnection(rest);
    return;
  }
  await deps.engine.recoverPairing(old, stored.resource_id);
}

/**
 * Before a remap from `from`: writes a crashed run left unfinished were meant for that resource, so they are finished
 * there first (a booking made but not recorded is recorded, and the remap run moves it). Sent through the new
 * resource instead, they would book the event a second time. Throws when they cannot be finished: the remap is then
 * not asked for, and nothing of the connection changed.
 */
export async function finishBeforeRemap(
  deps: RemapMemoryDeps,
  stored: StoredConnection,
  from: string,
): Promise<void> {
  if (deps.db.outbox.unfinished(stored.calendar_id).length === 0) return;
  const remapping = deps.db.remaps.pendingSince(stored.calendar_id) !== null;
  // Finishing a remap is a run: a connection that may not run (paused, say) is not run behind the person's back.
  const reason = remapping ? deps.heldBack?.(stored) : undefined;
  if (reason) {
    throw new AgentError(
      'conflict',
      `The connection of ${stored.calendar_id} was not changed: its last sync, moving it to ${from}, stopped ` +
        `halfway and must finish first, and it cannot run now: ${reason.replace(/\.$/, '')}. Then change it again.`,
    );
  }
  try {
    const current = await deps.connectionOf({ ...stored, resource_id: from });
    if (!remapping) {
      await deps.engine.finishUnfinished(current);
      return;
    }
    // The crashed run was a remap's own: the pairing's items are then on two resources (some moved, some not yet),
    // and a busy block can only be cancelled on the resource that holds it. That remap is finished first, in full,
    // so the new one starts from one resource.
    const run = await deps.engine.run(current);
    if (run.status !== 'ok') throw new Error(run.message ?? `its remap run ended ${run.status}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const code = error instanceof AppError && error.apiCode !== 'internal' ? error.apiCode : 'unavailable';
    throw new AgentError(
      code,
      `The connection of ${stored.calendar_id} was not changed: its last sync stopped halfway, and what it was ` +
        `writing to ${from} must be finished before the calendar moves to another resource. That failed: ` +
        `${detail.replace(/\.$/, '')}. Try again once Sched and the calendar can be reached.`,
    );
  }
}
