/**
 * The results the agent API returns besides connections: runs, previews, conflicts, accounts, Sched resources,
 * settings and status (shared/API.md §2). Types only; `contract.ts` re-exports them.
 */
import type {
  CalendarService,
  ConflictChoice,
  ConflictKind,
  RunKind,
  RunStatus,
  RunTrigger,
  ScheduleKind,
  ScheduleState,
  SyncSettings,
  SyncStatus,
} from './contract-words';

/** Counts per side of a connection. */
export interface PerSide {
  sched: number;
  external: number;
}

/** One run of one connection (shared/API.md §2, activity). */
export interface RunSummary {
  run_id: string;
  calendar_id: string;
  kind: RunKind;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  created: PerSide;
  updated: PerSide;
  deleted: PerSide;
  conflicts: number;
  errors: number;
  requests: number;
  message?: string | null;
  undone?: boolean;
  /** What started the run; null for runs recorded before the agent kept it. */
  trigger?: RunTrigger | null;
}

/** One item a run wrote, from the journal the agent keeps for undo. */
export interface RunItem {
  side: 'sched' | 'external';
  action: 'create' | 'update' | 'delete';
  /** The item as the write left it, or as it was before a delete. */
  title: string;
  start: string;
  end: string;
  /** Before the write (null for a create) and after it (null for a delete). */
  before: ItemView | null;
  after: ItemView | null;
  /** An undo reverted this write. */
  undone: boolean;
  /** An undo leaves this write as it is: a busy block the agent moved after its event stays with the event. */
  stays?: boolean;
}

/** `runItems`: a run and what it did to each item. */
export interface RunDetails {
  run: RunSummary;
  items: RunItem[];
}

/** One write of an item's history, newest first. */
export interface ItemHistoryEntry {
  run_id: string;
  at: string;
  side: 'sched' | 'external';
  action: 'create' | 'update' | 'delete';
  undone: boolean;
}

/** One booking or event of a connection's schedule, with how it stands. */
export interface ScheduleItem {
  side: 'sched' | 'external';
  /** A booking or blocked time on the Sched side, an event on the calendar's. */
  kind: ScheduleKind;
  id: string;
  /** Blocked time's title is the reason Sched gives for it, as Sched stores it ('' when it gives none). */
  title: string;
  description: string;
  location: string;
  /** An instant (RFC 3339 UTC) or, for an all-day item, a date. */
  start: string;
  end: string;
  all_day: boolean;
  state: ScheduleState;
  /** The linked item on the other side, when there is one. */
  linked_id: string | null;
  /** The open conflict about this item, if any. */
  conflict_id: string | null;
  /** What the agent wrote to this item, newest first. */
  history: ItemHistoryEntry[];
}

/** `schedule`: a connection's bookings and events of a range of days, read now from both sides. */
export interface ScheduleView {
  calendar_id: string;
  resource_id: string;
  /** The resource's time zone: the range's days are its days. */
  time_zone: string;
  from: string;
  to: string;
  /** The agent's today in the resource's zone (the sandbox's clock in Sandbox mode). */
  today: string;
  /** The sync window: items outside it are not synced. */
  window: { start: string; end: string };
  items: ScheduleItem[];
}

/** A field of an item as a person reads it in a conflict or preview. */
export interface ItemView {
  id: string;
  title: string;
  description: string;
  location: string;
  start: string;
  end: string;
  deleted?: boolean;
}

/** One planned write, as the preview lists it. */
export interface PlannedChange {
  action: 'create' | 'update' | 'delete';
  side: 'sched' | 'external';
  reason: string;
  title: string;
  start: string;
}

/** What the next run would do (nothing applied). */
export interface PreviewResult {
  calendar_id: string;
  /** The resource's time zone, the clock the preview's times are read on. */
  time_zone?: string;
  changes: PlannedChange[];
  counts: { create: PerSide; update: PerSide; delete: PerSide; conflicts: number };
  guard: { verdict: 'ok' | 'needs_review'; message?: string };
}

/** A conflict waiting for a person, both versions side by side. */
export interface ConflictView {
  id: string;
  calendar_id: string;
  kind: ConflictKind;
  /** The resolutions this conflict takes (a moved event's double booking also takes `keep-sched`). */
  choices: ConflictChoice[];
  created_at: string;
  sched: ItemView | null;
  external: ItemView | null;
  differences: { field: string; sched: string; external: string }[];
  /** Set when an undo made this conflict: what the undo wanted to do, which a later change stopped. */
  undo?: UndoIntent;
}

/** What an undo meant to do with one item before someone changed it since (a conflict an undo made). */
export interface UndoIntent {
  /** `remove`: the run created it; `revert`: the run changed it; `restore`: the run deleted it. */
  wanted: 'remove' | 'revert' | 'restore';
  side: 'sched' | 'external';
  /** When the run being undone started. */
  run_started_at: string;
  /** The item as the undo wanted it back (for revert and restore), or null. */
  item: ItemView | null;
}

export interface AccountView {
  account_id: string;
  provider: CalendarService;
  email: string;
  status: 'ok' | 'reauth_required';
}

export interface ExternalCalendar {
  id: string;
  name: string;
  primary: boolean;
  time_zone: string | null;
  /** Already connected to a resource (a calendar belongs to at most one connection). */
  connected: boolean;
}

export interface SchedResource {
  id: string;
  name: string;
  description: string;
  timezone: string;
  image_url?: string | null;
  booking_url?: string | null;
}

/** Where a sign-in app came from: a developer variable, Settings, the deployment file, or the release. */
export type OAuthClientSourceView = 'environment' | 'settings' | 'deployment' | 'release';

/** The sign-in apps in force; the Google client secret is never returned, only whether one is kept. */
export interface OAuthClientsView {
  google: { client_id: string; has_client_secret: boolean; source: OAuthClientSourceView } | null;
  microsoft: { client_id: string; tenant: string; source: OAuthClientSourceView } | null;
}

export interface AppSettingsView {
  auto_start: boolean;
  notifications: boolean;
  default_sync_settings: SyncSettings;
  /** The first-run welcome was answered. */
  welcome_done: boolean;
  oauth_clients: OAuthClientsView;
  /** Settings an administrator set in the deployment file; changing one is refused (409). */
  locked: string[];
  /** The deployment file in force, or null. */
  deployment_file: string | null;
  /** The Sched URL the deployment file gives, to prefill "Connect your Sched"; null without one. */
  deployment_sched_url: string | null;
}

/** The agent at a glance: which services it talks to and whether the keychain works. */
export interface AgentStatus {
  mode: 'sandbox' | 'live';
  version: string;
  keychain: 'available' | 'unavailable';
  sched: { base_url: string | null; configured: boolean };
  connections: number;
  syncing: string[];
  /** A first run: no Sched configured and the welcome not answered yet (the UI shows the welcome). */
  first_run: boolean;
}

/** A connection as the agent reports it. Tokens are never part of it. */
export interface Connection {
  resource_id: string;
  calendar_service: CalendarService;
  calendar_id: string;
  account_id: string | null;
  sync_status: SyncStatus;
  /** Why the status is `error`, `reauth_required` or `needs_review`, in words a person can act on. */
  status_message?: string | null;
  sync_settings: SyncSettings;
  last_sync: string | null;
  /** Connected and never run: it waits for a person to press Sync now (after a preview, if they like). */
  awaiting_first_sync: boolean;
}

export interface ListResult {
  calendars: Connection[];
}

export interface DisconnectResult {
  message: string;
}

/** `GET /api/diagnostics`: what a person sends when asking for help, every secret removed. */
export interface Diagnostics {
  generated_at: string;
  versions: Record<string, string>;
  mode: 'sandbox' | 'live';
  connections: unknown[];
  accounts: unknown[];
  recent_runs: unknown[];
  recent_log: Record<string, unknown>[];
}

/** The view of the app that fixes what a notification is about. */
export type NoticeView = 'accounts' | 'connections' | 'conflicts' | 'activity';

/**
 * A notification the agent raised (the `notification` live event; a desktop notification in the app): one per
 * cause until that cause changes (main/agent/notice-memory.ts).
 */
export interface AgentNotice {
  /** What it is about: a sign-in needed, a deletion to review, new conflicts, a run that failed. */
  cause: 'sign-in' | 'review' | 'conflicts' | 'run-failed';
  title: string;
  body: string;
  /** Where a click leads: Accounts, Connections (the review), Conflicts or Activity. */
  view: NoticeView;
  /** The connection it is about, or null when it is about several (conflicts). */
  calendar_id: string | null;
}
