/** What applying a plan's actions needs to know about the run they belong to, shared by the applier's parts. */
import type { CalendarProvider } from '../providers/port';
import type { StateDb } from '../store';
import type { Action, LinkKey, PrivacyMode, SchedKind, Side } from '../sync';
import type { LinkStore } from './link-store';
import type { EngineEvent } from './types';

/** The run an applier writes for: its state DB, links, providers and log. */
export interface ApplyContext {
  db: StateDb;
  links: LinkStore;
  /** The connection's key in the state DB. */
  calendarId: string;
  runId: string;
  providers: Record<Side, CalendarProvider>;
  log: (event: EngineEvent) => void;
  /**
   * Each side's change-feed position as the run read it, before its writes: a create's intent keeps it, so a preview
   * after a crash can read what happened to the copy since (replay-feeds.ts). Absent before the run has read.
   */
  feedCursors?: () => Partial<Record<Side, string>>;
  /**
   * The kind of Sched item the calendar's events become now (`inbound_as`): a Sched create's intent keeps it, so a
   * replay makes (and so finds by its key) the kind it was made as, whatever the connection says by then.
   */
  schedKind?: SchedKind;
  /**
   * The connection's `privacy` now: a Sched create's intent keeps it too, so a replay sends the very request the crashed
   * run sent (a block's reason depends on it) and Sched's key finds what that made.
   */
  privacy?: PrivacyMode;
  /** Plans one link again from fresh reads of both its items (after a 412 or a 404). */
  replan: (key: LinkKey) => Promise<Action[]>;
}
