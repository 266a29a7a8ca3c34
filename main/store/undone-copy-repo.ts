import type { Database } from 'better-sqlite3';
import type { Side } from './outbox-repo';
import { isoNow, type Clock } from './store-clock';

/**
 * An item whose copy on the other side an undo removed. While the item's synced fields still hash to `contentHash`
 * the planner does not copy it again; an edit made after the undo makes it eligible again (SYNC.md, "Journal and undo").
 */
export interface UndoneCopy {
  connectionId: string;
  /** Where the original item lives: `sched` for a booking whose event was removed, `external` for the reverse. */
  side: Side;
  itemId: string;
  contentHash: string;
  /** The id of the copy the undo removed. */
  copyId: string;
  /** The undo run that removed the copy. */
  runId: string | null;
  undoneAt: string;
}

export type UndoneCopyInput = Pick<
  UndoneCopy,
  'connectionId' | 'side' | 'itemId' | 'contentHash' | 'copyId'
> &
  Partial<Pick<UndoneCopy, 'runId'>>;

interface Row {
  connection_id: string;
  side: Side;
  item_id: string;
  content_hash: string;
  copy_id: string;
  run_id: string | null;
  undone_at: string;
}

const fromRow = (r: Row): UndoneCopy => ({
  connectionId: r.connection_id,
  side: r.side,
  itemId: r.item_id,
  contentHash: r.content_hash,
  copyId: r.copy_id,
  runId: r.run_id,
  undoneAt: r.undone_at,
});

/** The items undo took the copies of, per connection and side. */
export class UndoneCopyRepo {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Remembers the item; a second undo of the same item replaces the first with its newer hash. */
  remember(input: UndoneCopyInput): UndoneCopy {
    const row = this.db
      .prepare(
        `INSERT INTO undone_copies (connection_id, side, item_id, content_hash, copy_id, run_id, undone_at)
         VALUES (@connectionId, @side, @itemId, @contentHash, @copyId, @runId, @now)
         ON CONFLICT (connection_id, side, item_id) DO UPDATE SET
           content_hash = excluded.content_hash, copy_id = excluded.copy_id, run_id = excluded.run_id,
           undone_at = excluded.undone_at
         RETURNING *`,
      )
      .get({ runId: null, ...input, now: isoNow(this.clock) }) as Row;
    return fromRow(row);
  }

  /** The remembered items of one side of a connection, by item id. */
  list(connectionId: string, side: Side): UndoneCopy[] {
    const rows = this.db
      .prepare(`SELECT * FROM undone_copies WHERE connection_id = ? AND side = ? ORDER BY item_id`)
      .all(connectionId, side) as Row[];
    return rows.map(fromRow);
  }

  /** Forgets the item (it got a copy again). Returns whether it was remembered. */
  forget(connectionId: string, side: Side, itemId: string): boolean {
    return (
      this.db
        .prepare(`DELETE FROM undone_copies WHERE connection_id = ? AND side = ? AND item_id = ?`)
        .run(connectionId, side, itemId).changes > 0
    );
  }
}
