/**
 * Applies a plan's actions as main/sync/actions.ts prescribes: an outbox intent before every remote write, and after
 * it one synchronous transaction that stores the link, journals the before-image, finishes the intent and bumps the
 * run's counts. A crash between the write and that commit leaves the intent unfinished; `recover` completes it.
 */
import { KeyReusedError, SlotUnavailableError, type CalendarProvider } from '../providers/port';
import type { OutboxEntry } from '../store';
import {
  cancelInsteadOfMove,
  followsCancelledMove,
  isMove,
  linkAfterWrite,
  linkSideOf,
  type Action,
  type CreateAction,
  type DeleteAction,
  type Link,
  type SchedKind,
  type Side,
  type SyncItem,
  type UpdateAction,
} from '../sync';
import type { ApplyContext } from './apply-context';
import { changedBefore, copyMadeFrom, keyAfter, olderCopyOf } from './older-copy';
import { createOf, intentKindOf, intentPrivacyOf, recordIntent, type WriteAction } from './outbox-intent';
import { commitCreate, commitDelete, commitUpdate } from './write-commits';
import { deferredByNext, isStale, retagEvent, wasRefused } from './write-outcomes';
import { scheduleWrites } from './write-scheduler';
import { recordEditConflict, recordMovedOverlap, recordOverlap } from './write-conflicts';

/** Applies actions for one run and records what they did. */
export class ActionApplier {
  private sequence = 0;
  /** The relinked pairs whose link waits for their update's commit, by booking id. */
  private readonly relinks = new Map<string, Link>();
  /** The bookings a refused remap move cancelled: the plan's later writes of them are dropped. */
  private readonly cancelledMoves = new Set<string>();

  constructor(private readonly context: ApplyContext) {}

  /**
   * Applies `actions` in plan order, several calendar writes at once where the provider allows (write-scheduler.ts).
   * A 412 or 404 re-plans that link once; a second one counts as an error and leaves
   * the item for the next run. Returns false when something was left, so the caller keeps the old cursors.
   * Any other failure propagates and stops the run (its intent stays unfinished only if the write may have happened).
   */
  async applyAll(actions: readonly Action[], mayReplan = true): Promise<boolean> {
    let complete = true;
    // Storing a relinked pair before its update would make their difference the new baseline if the update failed.
    const todo = actions.filter((action, index) => {
      const deferred = deferredByNext(action, actions[index + 1]);
      if (deferred && action.type === 'link') this.relinks.set(action.link.sched.id, action.link);
      return !deferred;
    });
    await scheduleWrites(todo, this.context.providers, async (action) => {
      try {
        await this.applyOne(action);
      } catch (error) {
        if (!isStale(error) || (action.type !== 'update' && action.type !== 'delete')) throw error;
        if (mayReplan) {
          complete = (await this.applyAll(await this.context.replan(action.link), false)) && complete;
        } else {
          this.count({ errors: 1 });
          complete = false;
        }
      }
    });
    return complete;
  }

  /**
   * Completes intents a crashed run left unfinished. A create is sent again with its idempotency key, so an item
   * that already exists comes back and gets linked instead of made twice; updates and deletes are given up, since
   * the saved cursors were not advanced and the next read shows whether they happened.
   */
  async recover(entries: readonly OutboxEntry[]): Promise<void> {
    for (const entry of entries) {
      const create = createOf(entry);
      if (create) {
        await this.sendCreate(create, entry, true);
      } else {
        this.context.db.outbox.abandon(entry.id, 'Planned again from the change feed after a restart.');
      }
    }
  }

  private async applyOne(action: Action): Promise<void> {
    const { db, links } = this.context;
    if (followsCancelledMove(action, this.cancelledMoves)) return;
    switch (action.type) {
      case 'create':
        return this.sendCreate(action, this.intent(action, action.idempotencyKey));
      case 'update':
        return this.sendUpdate(action);
      case 'delete':
        return this.sendDelete(action);
      case 'link':
        db.transaction(() => links.save(action.link));
        return;
      case 'unlink':
        db.transaction(() => links.drop(action.link));
        return;
      case 'conflict':
        recordEditConflict(this.context, action);
        return;
    }
  }

  private provider(side: Side): CalendarProvider {
    return this.context.providers[side];
  }

  /** Records the intent before its request goes out; writes without their own key get one per run and step. */
  private intent(action: WriteAction, key?: string): OutboxEntry {
    this.sequence += 1;
    const step = `${this.context.runId}:${this.sequence}`;
    return recordIntent(this.context, action, key ?? step, step);
  }

  /**
   * Sends a create and commits its link. `replayed`: the item may have existed since the crash and been edited by a
   * person meanwhile, so the link's baseline is what the agent wrote, not what came back; an edit then shows as one.
   */
  private async sendCreate(action: CreateAction, entry: OutboxEntry, replayed = false): Promise<void> {
    const { db } = this.context;
    // The kind the intent was made for: a replay after `inbound_as` changed finds by its key what the crash left.
    const kind = action.side === 'sched' ? intentKindOf(entry) : undefined;
    // And under the privacy it was sent with: the same request, so Sched's key finds what the crashed run made.
    const privacy = action.side === 'sched' ? intentPrivacyOf(entry) : undefined;
    let written: SyncItem;
    try {
      written = await this.provider(action.side).create({
        fields: action.fields,
        idempotencyKey: action.idempotencyKey,
        ...(kind ? { kind } : {}),
        ...(privacy ? { privacy } : {}),
        ...(action.tags ? { tags: action.tags } : {}),
        ...(action.source ? { source: action.source } : {}),
        ...(action.allowOverlap ? { allowOverlap: true } : {}),
      });
    } catch (error) {
      if (error instanceof SlotUnavailableError && action.side === 'sched') {
        return recordOverlap(this.context, action, error, entry);
      }
      if (error instanceof KeyReusedError && action.source) return this.keySpent(action, entry, kind);
      if (wasRefused(error, replayed)) db.outbox.abandon(entry.id, (error as Error).message);
      throw error;
    }
    // What the side keeps of the agent's fields (a busy block's title says "Unavailable: …"): any other difference is
    // a person's edit. A replay finding its own write is the point of the key; a fresh create finding one predates a
    // lost state DB, and so does a replay finding one last changed before its intent was recorded.
    const kept = this.provider(action.side).keeps?.(action.fields, kind) ?? action.fields;
    const older = replayed && !changedBefore(written, entry) ? null : olderCopyOf(kept, written);
    if (older !== null) return this.foundOlderCopy(action, entry, written, older);
    const made = linkAfterWrite(action, replayed ? { ...written, ...kept } : written);
    const retagged = action.retag
      ? await retagEvent(this.provider('external'), action.retag, written.id)
      : null;
    const link = retagged ? { ...made, external: linkSideOf(retagged) } : made;
    commitCreate(this.context, action, entry, written, link);
    this.logApplied('create', action.side, written.id);
  }

  /**
   * A fresh create's key found a copy made before the state DB was lost. Cancelled since: the key is spent, so the
   * copy is made again under a key of its own. Changed since: the pair is relinked as tags find it (no baseline, so
   * the conflict rule settles the difference), and nothing is counted as created.
   */
  private async foundOlderCopy(
    action: CreateAction,
    entry: OutboxEntry,
    found: SyncItem,
    older: 'cancelled' | 'changed',
  ): Promise<void> {
    this.context.db.outbox.markDone(entry.id);
    if (older === 'cancelled') {
      const again: CreateAction = { ...action, idempotencyKey: keyAfter(action, found.id) };
      return this.sendCreate(again, this.intent(again, again.idempotencyKey));
    }
    const [bookingId, eventId] =
      action.side === 'sched' ? [found.id, action.counterpart.id] : [action.counterpart.id, found.id];
    await this.applyAll(await this.context.replan({ bookingId, eventId }), false);
  }

  /**
   * Sched refused the key as spent on another request: the state DB was lost and the event changed since its first
   * create (or a remap moved its booking). What the key made lies outside the window, else the read had linked it:
   * found, it is an older copy; not found (cancelled, or moved to another resource), the event is booked anew.
   */
  private async keySpent(action: CreateAction, entry: OutboxEntry, kind?: SchedKind): Promise<void> {
    const found = await copyMadeFrom(this.provider('sched'), action.source!, kind);
    if (found) return this.foundOlderCopy(action, entry, found, 'changed');
    if (action.idempotencyKey.includes(':after:unseen:')) throw new KeyReusedError(action.idempotencyKey);
    this.context.db.outbox.markDone(entry.id);
    // A key never used (this run's), recorded with the intent: a crash from here replays this very key.
    const again = { ...action, idempotencyKey: keyAfter(action, `unseen:${this.context.runId}`) };
    return this.sendCreate(again, this.intent(again, again.idempotencyKey));
  }

  private async sendUpdate(action: UpdateAction): Promise<void> {
    const { db } = this.context;
    const entry = this.intent(action);
    let written: SyncItem;
    try {
      written = await this.provider(action.side).update(action.id, action.fields, {
        ifMatch: action.ifMatch,
        ...(action.allowOverlap ? { allowOverlap: true } : {}),
      });
    } catch (error) {
      // A moved event Sched refuses is one item's conflict: recorded for the person, and the run goes on.
      if (error instanceof SlotUnavailableError && action.side === 'sched') {
        if (isMove(action)) return this.moveRefused(action, error, entry);
        const relinked = this.relinks.get(action.link.bookingId) ?? null;
        return recordMovedOverlap(this.context, action, error, entry, relinked);
      }
      if (wasRefused(error)) db.outbox.abandon(entry.id, (error as Error).message);
      throw error;
    }
    commitUpdate(this.context, action, entry, written);
    this.logApplied('update', action.side, written.id);
  }

  /**
   * A remap's move of a booking made from the calendar's event, refused because the slot on the new resource is taken
   * (shared/SYNC.md, "Changing a connection"). The old resource no longer mirrors the calendar, so the booking is
   * cancelled there, and the event is a new event's double booking on the new resource: the conflict the person
   * answers (import anyway, skip), and that leaves by itself once the slot is free and the event is booked.
   */
  private async moveRefused(
    action: UpdateAction,
    error: SlotUnavailableError,
    entry: OutboxEntry,
  ): Promise<void> {
    await this.sendDelete(cancelInsteadOfMove(action));
    this.cancelledMoves.add(action.id);
    await recordOverlap(this.context, action, error, entry);
  }

  private async sendDelete(action: DeleteAction): Promise<void> {
    const { db } = this.context;
    const entry = this.intent(action);
    try {
      await this.provider(action.side).delete(action.id, {
        ...(action.ifMatch ? { ifMatch: action.ifMatch } : {}),
        ...(action.resourceId ? { resourceId: action.resourceId } : {}),
      });
    } catch (error) {
      if (wasRefused(error)) db.outbox.abandon(entry.id, (error as Error).message);
      throw error;
    }
    commitDelete(this.context, action, entry);
    this.logApplied('delete', action.side, action.id);
  }

  private count(delta: { errors: number }): void {
    this.context.db.runs.addCounts(this.context.runId, delta);
  }

  private logApplied(action: string, side: Side, id: string): void {
    const { calendarId, runId } = this.context;
    this.context.log({ type: 'action-applied', calendarId, runId, action, side, id });
  }
}
