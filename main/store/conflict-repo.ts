import type { Database } from 'better-sqlite3';
import {
  conflictChoicesByKind,
  conflictChoiceWrites,
  type ConflictChoice,
  type Direction,
  type ConflictKind,
  type ConflictOutcome,
} from '../../preload/contract';
import { isoNow, parseJson, toJson, type Clock } from './store-clock';

// `edit`: both sides changed one link; `overlap`: an inbound event collides with a confirmed booking (SYNC.md).
// The words are the contract's, so the engine (which may not import the contract) takes them from here.
export type { ConflictChoice, ConflictKind, ConflictOutcome };

/** True for a double booking of an imported event that moved: it names the booking the move was refused for. */
export const isMovedOverlap = (conflict: Pick<Conflict, 'kind' | 'bookingId'>): boolean =>
  conflict.kind === 'overlap' && conflict.bookingId !== null;

/** The choices that answer a conflict of this kind, whatever the direction (`conflictChoicesByKind`). */
export const choicesOfKind = (conflict: Pick<Conflict, 'kind' | 'bookingId'>): readonly ConflictChoice[] =>
  conflictChoicesByKind[isMovedOverlap(conflict) ? 'moved-overlap' : conflict.kind];

/** True when a connection syncing `direction` may write what `choice` writes (`conflictChoiceWrites`). */
export function directionAllows(direction: Direction, choice: ConflictChoice): boolean {
  const writes = conflictChoiceWrites[choice];
  if (writes === 'external') return direction !== 'external-to-sched';
  if (writes === 'sched') return direction !== 'sched-to-external';
  return true;
}

/**
 * The choices that answer `conflict` on a connection syncing `direction`: those of its kind that write only where
 * the direction may write (an undo's edit conflict on an `external-to-sched` connection takes `keep-external` only).
 */
export const choicesFor = (
  conflict: Pick<Conflict, 'kind' | 'bookingId'>,
  direction: Direction,
): readonly ConflictChoice[] =>
  choicesOfKind(conflict).filter((choice) => directionAllows(direction, choice));

/** True when `choice` answers `conflict` on a connection syncing `direction` (the one check). */
export function choiceFits(
  conflict: Pick<Conflict, 'kind' | 'bookingId'>,
  choice: ConflictChoice,
  direction: Direction,
): boolean {
  return choicesFor(conflict, direction).includes(choice);
}

export interface Conflict {
  id: number;
  connectionId: string;
  linkId: number | null;
  bookingId: string | null;
  eventId: string | null;
  kind: ConflictKind;
  /** The Sched side as it stood (null when deleted there), shown field by field beside the other. */
  schedVersion: unknown;
  /** The calendar side likewise. */
  externalVersion: unknown;
  runId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** The person's choice, or `settled` when a later change settled it by itself. */
  resolution: ConflictOutcome | null;
}

export type ConflictInput = Pick<Conflict, 'connectionId' | 'kind'> &
  Partial<Pick<Conflict, 'linkId' | 'bookingId' | 'eventId' | 'schedVersion' | 'externalVersion' | 'runId'>>;

interface Row {
  id: number;
  connection_id: string;
  link_id: number | null;
  booking_id: string | null;
  event_id: string | null;
  kind: ConflictKind;
  sched_version: string | null;
  external_version: string | null;
  run_id: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: ConflictOutcome | null;
}

const fromRow = (r: Row): Conflict => ({
  id: r.id,
  connectionId: r.connection_id,
  linkId: r.link_id,
  bookingId: r.booking_id,
  eventId: r.event_id,
  kind: r.kind,
  schedVersion: parseJson(r.sched_version),
  externalVersion: parseJson(r.external_version),
  runId: r.run_id,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
});

/** Conflicts waiting for a person, and the overlap events they chose to skip for good. */
export class ConflictRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a conflict. When the same item already has an open conflict of that kind, that one is refreshed
   * with the new versions instead, so a person is never asked twice about one thing.
   */
  record(input: ConflictInput): Conflict {
    const row = this.db
      .prepare(
        `INSERT INTO conflicts (connection_id, link_id, booking_id, event_id, kind, sched_version, external_version,
                                run_id, created_at)
         VALUES (@connectionId, @linkId, @bookingId, @eventId, @kind, @schedVersion, @externalVersion, @runId, @now)
         ON CONFLICT (connection_id, kind, ifnull(booking_id, ''), ifnull(event_id, '')) WHERE resolved_at IS NULL
         DO UPDATE SET link_id = excluded.link_id, sched_version = excluded.sched_version,
           external_version = excluded.external_version, run_id = excluded.run_id
         RETURNING *`,
      )
      .get({
        connectionId: input.connectionId,
        linkId: input.linkId ?? null,
        bookingId: input.bookingId ?? null,
        eventId: input.eventId ?? null,
        kind: input.kind,
        schedVersion: toJson(input.schedVersion),
        externalVersion: toJson(input.externalVersion),
        runId: input.runId ?? null,
        now: isoNow(this.clock),
      }) as Row;
    return fromRow(row);
  }

  get(id: number): Conflict | null {
    const row = this.db.prepare(`SELECT * FROM conflicts WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Unresolved conflicts, oldest first, of one connection or of all. */
  open(connectionId?: string): Conflict[] {
    const rows = (
      connectionId === undefined
        ? this.db.prepare(`SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id`).all()
        : this.db
            .prepare(`SELECT * FROM conflicts WHERE resolved_at IS NULL AND connection_id = ? ORDER BY id`)
            .all(connectionId)
    ) as Row[];
    return rows.map(fromRow);
  }

  /** The open conflict of a link, if any: the planner writes nothing for such a link under `manual`. */
  openForLink(linkId: number): Conflict | null {
    const row = this.db
      .prepare(`SELECT * FROM conflicts WHERE link_id = ? AND resolved_at IS NULL ORDER BY id LIMIT 1`)
      .get(linkId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Closes a conflict with the person's choice (or `settled`). A `skip` of a new event's overlap also remembers the
   * event, so it is never asked about again. Returns null when there is no such open conflict.
   */
  resolve(id: number, resolution: ConflictOutcome): Conflict | null {
    const close = this.db.transaction((): Conflict | null => {
      const row = this.db
        .prepare(
          `UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL RETURNING *`,
        )
        .get(isoNow(this.clock), resolution, id) as Row | undefined;
      if (!row) return null;
      const conflict = fromRow(row);
      // A moved event's skip is remembered on its link instead (the engine's resolve-conflict.ts).
      if (
        resolution === 'skip' &&
        conflict.kind === 'overlap' &&
        !isMovedOverlap(conflict) &&
        conflict.eventId
      ) {
        this.skipOverlap(conflict.connectionId, conflict.eventId);
      }
      return conflict;
    });
    return close();
  }

  /** Remembers that overlaps of this event are not to be imported nor asked about again. */
  skipOverlap(connectionId: string, eventId: string): void {
    this.db
      .prepare(
        `INSERT INTO skipped_overlaps (connection_id, event_id, skipped_at) VALUES (?, ?, ?)
         ON CONFLICT (connection_id, event_id) DO NOTHING`,
      )
      .run(connectionId, eventId, isoNow(this.clock));
  }

  isOverlapSkipped(connectionId: string, eventId: string): boolean {
    return (
      this.db
        .prepare(`SELECT 1 FROM skipped_overlaps WHERE connection_id = ? AND event_id = ?`)
        .get(connectionId, eventId) !== undefined
    );
  }

  /** Every skipped event of a connection, for the planner's input. */
  skippedOverlaps(connectionId: string): string[] {
    return this.db
      .prepare(`SELECT event_id FROM skipped_overlaps WHERE connection_id = ? ORDER BY event_id`)
      .pluck()
      .all(connectionId) as string[];
  }
}
