/**
 * The engine's public shapes: the connection a call works on, run summaries, previews and log events.
 * Field names of summaries follow the agent API (shared/API.md §2, "activity"); the agent maps them to the
 * contract's views in main/agent/sync-views.ts, the engine itself knows nothing of the contract.
 */
import type { CalendarProvider } from '../providers/port';
import type { GuardVerdict, PlanCounts, PlanSettings, Action } from '../sync';
import type { RunSummary, StateDb } from '../store';

/** Everything the engine needs to know about one connection for one call. */
export interface EngineConnection {
  /** The external calendar's id: the connection's key in the state DB and the agent API. */
  calendarId: string;
  /** Written into event tags; defaults to `calendarId`. */
  connectionId?: string;
  resourceId: string;
  /** The Sched resource's IANA zone: window days and all-day dates are counted in it. */
  resourceTimezone: string;
  calendarService: 'google' | 'microsoft';
  /** The contract's `SyncSettings` (extra fields such as `sync_frequency` are ignored). */
  settings: PlanSettings;
  sched: CalendarProvider;
  external: CalendarProvider;
  /**
   * The other calendars of the same resource whose connections copy only their events into Sched
   * (`external-to-sched`): the bookings they made follow those events, so this connection never changes them.
   */
  oneWayCalendarsOfResource?: readonly string[];
  /**
   * Every other calendar connected to the same resource: a busy block one of them made from its event follows that
   * event (shared/SYNC.md, "Availability"), so this connection never cancels or changes it either.
   */
  otherCalendarsOfResource?: readonly string[];
}

/** Counts per side, and what one run did (shared/SYNC.md, "Activity"): the agent API's own shapes. */
export type { PerSide, RunSummary } from '../store';

/** One planned write as the preview lists it. */
export interface PlannedChange {
  action: 'create' | 'update' | 'delete';
  side: 'sched' | 'external';
  reason: string;
  title: string;
  /** The item's start as a person reads it (an RFC 3339 instant or a date). */
  start: string;
}

/** The next run's plan, nothing applied and no cursor moved. */
export interface EnginePreview {
  calendar_id: string;
  changes: PlannedChange[];
  counts: PlanCounts;
  guard: { verdict: 'ok' | 'needs_review'; message?: string; detail: GuardVerdict };
  /** The raw plan, for tests and the activity log. */
  actions: Action[];
}

/** Something worth a line in the activity log. */
export type EngineEvent =
  | { type: 'run-started'; calendarId: string; runId: string; fullRead: PerSideFlag }
  | { type: 'action-applied'; calendarId: string; runId: string; action: string; side?: string; id?: string }
  | { type: 'conflict'; calendarId: string; runId: string; kind: 'edit' | 'overlap'; id: string }
  /** A later change settled an open conflict: it left the list by itself (resolution `settled`). */
  | { type: 'conflict-settled'; calendarId: string; runId: string; kind: 'edit' | 'overlap'; id: string }
  | { type: 'run-finished'; calendarId: string; summary: RunSummary };

/** Which sides were read in full. */
export interface PerSideFlag {
  sched: boolean;
  external: boolean;
}

/** How an `Engine` is built: the state DB, the clock and an optional log sink. */
export interface EngineOptions {
  db: StateDb;
  now: () => Date;
  log?: (event: EngineEvent) => void;
}
