import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './store-clock';

/** Which resource a connection's stored state mirrors, and the one it mirrored before a remap still pending. */
export interface Pairing {
  calendarId: string;
  resourceId: string;
  /** The resource of the old pairing while its remap waits for (or is in) a run; null when none is pending. */
  pendingFrom: string | null;
  requestedAt: string | null;
  /** The state DB has known the connection since it was first connected, so it knows all it made (history known). */
  keysKnown: boolean;
}

/** Why a run may not be undone: a remap pending, or the run came before or with the last remap (`from` → `to`). */
export interface RemapBar {
  pending: boolean;
  from: string | null;
  to: string;
}

interface Row {
  calendar_id: string;
  resource_id: string;
  pending_from: string | null;
  requested_at: string | null;
  keys_known: number;
}

/**
 * Remaps remembered between runs (shared/SYNC.md, "Changing a connection"). Asking for one forgets everything of
 * the old pairing a later run could reuse: both cursors (the next run reads both sides in full), open conflicts,
 * skipped overlaps and undone-copy memories. Links stay: the remap run needs them to tell the agent's copies
 * (removed) from the bookings it made of the calendar's own events (moved), and drops or moves each.
 */
export class RemapRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** The stored pairing of a connection, or null when none was recorded (a connection older than this table). */
  pairing(calendarId: string): Pairing | null {
    const row = this.db
      .prepare(
        `SELECT calendar_id, resource_id, pending_from, requested_at, keys_known FROM connection_remaps
         WHERE calendar_id = ?`,
      )
      .get(calendarId) as Row | undefined;
    if (!row) return null;
    return {
      calendarId: row.calendar_id,
      resourceId: row.resource_id,
      pendingFrom: row.pending_from,
      requestedAt: row.requested_at,
      keysKnown: row.keys_known === 1,
    };
  }

  /** When the pending remap of this connection was asked for, or null when its next run is no remap run. */
  pendingSince(calendarId: string): string | null {
    const pairing = this.pairing(calendarId);
    return pairing?.pendingFrom == null ? null : pairing.requestedAt;
  }

  /** Records that the connection mirrors `resourceId`, with no remap pending (a fresh pairing, or resuming one). */
  remember(calendarId: string, resourceId: string): void {
    this.db
      .prepare(
        `INSERT INTO connection_remaps (calendar_id, resource_id, pending_from, requested_at, updated_at)
         VALUES (?, ?, NULL, NULL, ?)
         ON CONFLICT (calendar_id) DO UPDATE SET resource_id = excluded.resource_id, updated_at = excluded.updated_at`,
      )
      .run(calendarId, resourceId, isoNow(this.clock));
  }

  /** Records that the state DB knows the connection since it was first connected (`Pairing.keysKnown`). */
  markKeysKnown(calendarId: string): void {
    this.db.prepare(`UPDATE connection_remaps SET keys_known = 1 WHERE calendar_id = ?`).run(calendarId);
  }

  /**
   * Records a fresh pairing with `resourceId`, any remap that was waiting dropped: for a connection that never synced,
   * whose old pairing has nothing to move or remove.
   */
  pairAfresh(calendarId: string, resourceId: string): void {
    this.db
      .prepare(
        `INSERT INTO connection_remaps (calendar_id, resource_id, pending_from, requested_at, updated_at)
         VALUES (?, ?, NULL, NULL, ?)
         ON CONFLICT (calendar_id) DO UPDATE SET resource_id = excluded.resource_id, pending_from = NULL,
           requested_at = NULL, remap_run_id = NULL, remapped_from = NULL, updated_at = excluded.updated_at`,
      )
      .run(calendarId, resourceId, isoNow(this.clock));
  }

  /**
   * Records that the connection mirrors `resourceId` unless a pairing is recorded already: a run of a connection the
   * state DB forgot (lost, or older than this table) writes for its resource, so a later remap knows where from.
   */
  adopt(calendarId: string, resourceId: string): void {
    this.db
      .prepare(
        `INSERT INTO connection_remaps (calendar_id, resource_id, pending_from, requested_at, updated_at)
         VALUES (?, ?, NULL, NULL, ?) ON CONFLICT (calendar_id) DO NOTHING`,
      )
      .run(calendarId, resourceId, isoNow(this.clock));
  }

  /**
   * Makes `to` the connection's resource and the next run a remap run from `from`. A remap asked for while another
   * is pending keeps the first one's `from`: the stored links still belong to it. One transaction.
   */
  request(calendarId: string, from: string, to: string): void {
    const now = isoNow(this.clock);
    const tx = this.db.transaction(() => {
      const before = this.pairing(calendarId);
      const origin = before?.pendingFrom ?? from;
      this.db
        .prepare(
          `INSERT INTO connection_remaps (calendar_id, resource_id, pending_from, requested_at, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (calendar_id) DO UPDATE SET resource_id = excluded.resource_id,
             pending_from = excluded.pending_from, requested_at = excluded.requested_at,
             updated_at = excluded.updated_at`,
        )
        .run(calendarId, to, origin, now, now);
      this.db
        .prepare(
          `UPDATE connection_state SET sched_sync_token = NULL, external_sync_token = NULL, updated_at = ?
           WHERE calendar_id = ?`,
        )
        .run(now, calendarId);
      // Conflicts of the old pairing: open ones and overlap answers; resolved edit conflicts stay as history.
      this.db
        .prepare(
          `DELETE FROM conflicts WHERE connection_id = ? AND (resolved_at IS NULL OR kind = 'overlap')`,
        )
        .run(calendarId);
      this.db.prepare(`DELETE FROM skipped_overlaps WHERE connection_id = ?`).run(calendarId);
      this.db.prepare(`DELETE FROM undone_copies WHERE connection_id = ?`).run(calendarId);
    });
    tx();
  }

  /**
   * The remap run `runId` finished: the connection mirrors its resource like any other from now on. The run is
   * remembered as the last of the old pairing: it and every run before it are not undone (`barsUndo`).
   */
  settle(calendarId: string, runId: string): void {
    this.db
      .prepare(
        `UPDATE connection_remaps SET remap_run_id = ?, remapped_from = pending_from, pending_from = NULL,
           requested_at = NULL, updated_at = ?
         WHERE calendar_id = ? AND pending_from IS NOT NULL`,
      )
      .run(runId, isoNow(this.clock), calendarId);
  }

  /**
   * Whether a remap keeps run `runId` of this connection from being undone, and which: while a remap is pending no
   * run is undone, and after one, no run up to the one that finished it. Undoing those would bring copies of the
   * old resource's bookings back into a calendar that now mirrors another (SYNC.md: nothing of the old pairing is
   * reused); remapping back is how a remap is taken back.
   */
  barsUndo(calendarId: string, runId: string): RemapBar | null {
    const row = this.db
      .prepare(
        `SELECT resource_id, pending_from, remapped_from,
           (SELECT rowid FROM runs WHERE run_id = ?) <= (SELECT rowid FROM runs WHERE run_id = remap_run_id) AS before
         FROM connection_remaps WHERE calendar_id = ?`,
      )
      .get(runId, calendarId) as
      | {
          resource_id: string;
          pending_from: string | null;
          remapped_from: string | null;
          before: number | null;
        }
      | undefined;
    if (!row) return null;
    if (row.pending_from !== null) return { pending: true, from: row.pending_from, to: row.resource_id };
    return row.before === 1 ? { pending: false, from: row.remapped_from, to: row.resource_id } : null;
  }
}
