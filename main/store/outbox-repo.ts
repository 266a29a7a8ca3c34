import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, toJson, type Clock } from './store-clock';

export type Side = 'sched' | 'external';
export type WriteOperation = 'create' | 'update' | 'delete';

/**
 * An intent to write to one side, recorded before the request goes out. It is finished in the same transaction
 * that records the outcome (the link), so an intent still unfinished after a restart means "this write may or
 * may not have happened": the engine repeats it with the same idempotency key or reconciles by tags.
 */
export interface OutboxEntry {
  id: number;
  connectionId: string;
  runId: string | null;
  /** Google client-chosen event id, Graph `transactionId` or Sched `Idempotency-Key`. */
  idempotencyKey: string;
  side: Side;
  operation: WriteOperation;
  bookingId: string | null;
  eventId: string | null;
  /** What was to be written, as the engine needs it to repeat the request; `null` when the stored one is unusable. */
  payload: OutboxPayload | null;
  createdAt: string;
  finishedAt: string | null;
  outcome: 'done' | 'abandoned' | null;
  /** Why an intent was abandoned, for the activity log. */
  note: string | null;
}

export type OutboxIntent = Pick<OutboxEntry, 'connectionId' | 'idempotencyKey' | 'side' | 'operation'> &
  Partial<Pick<OutboxEntry, 'runId' | 'bookingId' | 'eventId'>> & {
    /** The planned write (main/sync's action); read back through `PayloadSchema`. */
    payload: unknown;
  };

const time = z.union([
  z.object({ kind: z.literal('instant'), utc: z.string(), zone: z.string() }),
  z.object({ kind: z.literal('date'), date: z.string() }),
]);
const fields = z.object({
  title: z.string(),
  description: z.string(),
  location: z.string(),
  start: time,
  end: time,
});
const side = z.enum(['sched', 'external']);

/**
 * What an intent's payload must hold to be acted on after a restart: the write as the engine planned it. Only a
 * create is ever sent again (with its key), so only its parts are checked field by field; the rest is kept as it
 * was written (`looseObject`), for the engine's own types.
 */
const PayloadSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('create'),
    side,
    fields,
    idempotencyKey: z.string().min(1),
    counterpart: z.looseObject({
      id: z.string(),
      version: z.string(),
      hash: z.string(),
      fields,
      updated: z.string(),
    }),
  }),
  z.looseObject({ type: z.literal('update'), side, id: z.string() }),
  z.looseObject({ type: z.literal('delete'), side }),
]);
/** A payload read back from the state DB that passed `PayloadSchema`. */
export type OutboxPayload = z.infer<typeof PayloadSchema>;

/** Parses a stored payload; a file changed by hand or by an older build gives `null` (the engine abandons it). */
function payloadOf(text: string): OutboxPayload | null {
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface Row {
  id: number;
  connection_id: string;
  run_id: string | null;
  idempotency_key: string;
  side: Side;
  operation: WriteOperation;
  booking_id: string | null;
  event_id: string | null;
  payload: string;
  created_at: string;
  finished_at: string | null;
  outcome: 'done' | 'abandoned' | null;
  note: string | null;
}

const fromRow = (r: Row): OutboxEntry => ({
  id: r.id,
  connectionId: r.connection_id,
  runId: r.run_id,
  idempotencyKey: r.idempotency_key,
  side: r.side,
  operation: r.operation,
  bookingId: r.booking_id,
  eventId: r.event_id,
  payload: payloadOf(r.payload),
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  outcome: r.outcome,
  note: r.note,
});

/** The pending remote writes (the outbox), so a crash between a remote write and the commit is recovered. */
export class OutboxRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an intent before its request is sent. Recording the same idempotency key again returns the
   * existing entry unchanged, so a retried run reuses its key instead of minting a second create.
   */
  record(intent: OutboxIntent): OutboxEntry {
    this.db
      .prepare(
        `INSERT INTO outbox (connection_id, run_id, idempotency_key, side, operation, booking_id, event_id,
                             payload, created_at)
         VALUES (@connectionId, @runId, @idempotencyKey, @side, @operation, @bookingId, @eventId, @payload, @now)
         ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run({
        connectionId: intent.connectionId,
        runId: intent.runId ?? null,
        idempotencyKey: intent.idempotencyKey,
        side: intent.side,
        operation: intent.operation,
        bookingId: intent.bookingId ?? null,
        eventId: intent.eventId ?? null,
        payload: toJson(intent.payload) ?? 'null',
        now: isoNow(this.clock),
      });
    return this.byKey(intent.idempotencyKey) as OutboxEntry;
  }

  get(id: number): OutboxEntry | null {
    const row = this.db.prepare(`SELECT * FROM outbox WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  byKey(idempotencyKey: string): OutboxEntry | null {
    const row = this.db.prepare(`SELECT * FROM outbox WHERE idempotency_key = ?`).get(idempotencyKey) as
      Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Intents never finished, oldest first: after a crash, what the engine must complete or reconcile. */
  unfinished(connectionId?: string): OutboxEntry[] {
    const rows = (
      connectionId === undefined
        ? this.db.prepare(`SELECT * FROM outbox WHERE finished_at IS NULL ORDER BY id`).all()
        : this.db
            .prepare(`SELECT * FROM outbox WHERE finished_at IS NULL AND connection_id = ? ORDER BY id`)
            .all(connectionId)
    ) as Row[];
    return rows.map(fromRow);
  }

  /**
   * Marks the intent done. Call it inside the transaction that records the link, so both land or neither does.
   * Returns false when it was already finished.
   */
  markDone(id: number): boolean {
    return this.finish(id, 'done', null);
  }

  /** Gives an intent up (its write turned out unnecessary or impossible), saying why. */
  abandon(id: number, note: string): boolean {
    return this.finish(id, 'abandoned', note);
  }

  /** Drops finished intents older than `before` (RFC 3339), keeping the table small. */
  prune(before: string): number {
    return this.db.prepare(`DELETE FROM outbox WHERE finished_at IS NOT NULL AND finished_at < ?`).run(before)
      .changes;
  }

  private finish(id: number, outcome: 'done' | 'abandoned', note: string | null): boolean {
    const result = this.db
      .prepare(
        `UPDATE outbox SET finished_at = ?, outcome = ?, note = ? WHERE id = ? AND finished_at IS NULL`,
      )
      .run(isoNow(this.clock), outcome, note, id);
    return result.changes > 0;
  }
}
