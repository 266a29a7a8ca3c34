/**
 * The contract between the UI and the agent: every operation's name, input schema and result type.
 * Main validates every input with these schemas; preload exposes one method per operation; the renderer and the
 * HTTP client are typed by `AgentApi`. JSON is snake_case, as in Sched's own API (shared/API.md §2).
 * This file imports zod only, so it is safe in the renderer, preload and main alike.
 */
import { z } from 'zod';

export const calendarServices = ['google', 'microsoft'] as const;
export const directions = ['two-way', 'sched-to-external', 'external-to-sched'] as const;
export const syncFrequencies = ['manual', '5min', '15min', '30min', '1h', '6h', '24h'] as const;
/** The `conflict_resolution` setting: how an edit conflict is settled without a person (shared/SYNC.md). */
export const conflictStrategies = ['prefer-sched', 'prefer-external', 'newest', 'manual'] as const;
export const privacyModes = ['full', 'busy-only'] as const;
export const syncStatuses = [
  'active',
  'syncing',
  'paused',
  'error',
  'reauth_required',
  'needs_review',
  'disconnected',
] as const;
/** What a conflict is about: both sides edited one link, or an inbound event collides with a confirmed booking. */
export const conflictKinds = ['edit', 'overlap'] as const;
/** A person's choice for one conflict (the agent API's `resolution`). */
export const conflictChoices = ['keep-sched', 'keep-external', 'import-anyway', 'skip'] as const;
/** The choices that answer each kind of conflict: skip is for double bookings only (shared/SYNC.md, "Conflicts"). */
export const conflictChoicesByKind = {
  edit: ['keep-sched', 'keep-external'],
  overlap: ['import-anyway', 'skip'],
} as const satisfies Record<ConflictKind, readonly ConflictChoice[]>;
export const runKinds = ['sync', 'undo'] as const;
export const runStatuses = ['running', 'ok', 'error', 'needs_review', 'cancelled', 'interrupted'] as const;

export type Direction = (typeof directions)[number];
export type ConflictStrategy = (typeof conflictStrategies)[number];
export type ConflictKind = (typeof conflictKinds)[number];
export type ConflictChoice = (typeof conflictChoices)[number];
export type RunKind = (typeof runKinds)[number];
export type RunStatus = (typeof runStatuses)[number];

/** Per-connection sync settings (shared/SYNC.md, "Sync settings"). */
export const SyncSettingsSchema = z
  .object({
    direction: z.enum(directions),
    sync_frequency: z.enum(syncFrequencies),
    conflict_resolution: z.enum(conflictStrategies),
    privacy: z.enum(privacyModes),
    window_days_past: z.number().int().min(0).max(3650),
    window_days_future: z.number().int().min(1).max(3650),
  })
  .strict();
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** The names of the sync settings fields (the CLI's settings flags). */
export const syncSettingsFields = Object.keys(SyncSettingsSchema.shape) as (keyof SyncSettings)[];

/** A partial update of sync settings: the fields given replace the stored ones. */
export const SyncSettingsPatchSchema = SyncSettingsSchema.partial().strict();
export type SyncSettingsPatch = z.infer<typeof SyncSettingsPatchSchema>;

export const defaultSyncSettings: SyncSettings = {
  direction: 'two-way',
  sync_frequency: '15min',
  conflict_resolution: 'manual',
  privacy: 'full',
  window_days_past: 30,
  window_days_future: 180,
};

const id = z.string().trim().min(1, 'must not be empty').max(1024);

/** `connect`: Sched's `POST /calendars/connect` payload, plus the agent's `account_id` and `sync_settings`. */
export const ConnectInputSchema = z
  .object({
    resource_id: id,
    calendar_service: z.enum(calendarServices),
    calendar_id: id,
    account_id: id.optional(),
    oauth_token: z.string().min(1, 'must not be empty').optional(),
    sync_settings: SyncSettingsPatchSchema.optional(),
  })
  .strict();
export type ConnectInput = z.infer<typeof ConnectInputSchema>;

export const ListInputSchema = z.object({}).strict();
export type ListInput = z.infer<typeof ListInputSchema>;

/** `update`: Sched's `PUT /calendars/{calendar_id}`; `calendar_id` comes from the path over HTTP. */
export const UpdateInputSchema = z
  .object({
    calendar_id: id,
    oauth_token: z.string().min(1, 'must not be empty').optional(),
    sync_settings: SyncSettingsPatchSchema.optional(),
    resource_id: id.optional(),
  })
  .strict();
export type UpdateInput = z.infer<typeof UpdateInputSchema>;

export const DisconnectInputSchema = z.object({ calendar_id: id }).strict();
export type DisconnectInput = z.infer<typeof DisconnectInputSchema>;

export type CalendarService = (typeof calendarServices)[number];
export type SyncStatus = (typeof syncStatuses)[number];

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
}

export interface ListResult {
  calendars: Connection[];
}

export interface DisconnectResult {
  message: string;
}

export const SyncNowInputSchema = z.object({ calendar_id: id.optional() }).strict();
export const CalendarRefSchema = z.object({ calendar_id: id }).strict();
export const ReviewInputSchema = z
  .object({ calendar_id: id, decision: z.enum(['apply', 'cancel']) })
  .strict();
export const ResolveConflictInputSchema = z.object({ id, resolution: z.enum(conflictChoices) }).strict();
export const RunsInputSchema = z.object({ calendar_id: id.optional() }).strict();
export const UndoInputSchema = z.object({ run_id: id }).strict();
export const SignInInputSchema = z.object({ provider: z.enum(calendarServices) }).strict();
export const AccountRefSchema = z.object({ account_id: id }).strict();
export const ConfigureSchedInputSchema = z
  .object({
    base_url: z
      .string()
      .trim()
      .url('must be a URL such as https://api.sched.example/v1')
      .refine((u) => u.startsWith('https://'), 'must start with https://'),
    api_key: z.string().trim().min(1, 'must not be empty'),
  })
  .strict();
export const SettingsPatchSchema = z
  .object({
    auto_start: z.boolean().optional(),
    notifications: z.boolean().optional(),
    default_sync_settings: SyncSettingsPatchSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
const Empty = z.object({}).strict();

export type {
  AccountView,
  AgentStatus,
  AppSettingsView,
  ConflictView,
  ExternalCalendar,
  ItemView,
  PerSide,
  PlannedChange,
  PreviewResult,
  RunSummary,
  SchedResource,
} from './contract-views';
import type {
  AccountView,
  AgentStatus,
  AppSettingsView,
  ConflictView,
  ExternalCalendar,
  PreviewResult,
  RunSummary,
  SchedResource,
} from './contract-views';

/** Every operation: its input schema. Adding a feature starts here. */
export const operations = {
  connect: ConnectInputSchema,
  list: ListInputSchema,
  update: UpdateInputSchema,
  disconnect: DisconnectInputSchema,
  syncNow: SyncNowInputSchema,
  preview: CalendarRefSchema,
  review: ReviewInputSchema,
  conflicts: Empty,
  resolveConflict: ResolveConflictInputSchema,
  runs: RunsInputSchema,
  undo: UndoInputSchema,
  accounts: Empty,
  signIn: SignInInputSchema,
  removeAccount: AccountRefSchema,
  accountCalendars: AccountRefSchema,
  configureSched: ConfigureSchedInputSchema,
  schedResources: Empty,
  getSettings: Empty,
  updateSettings: SettingsPatchSchema,
  status: Empty,
} as const;
export type OperationName = keyof typeof operations;

type In<K extends OperationName> = z.infer<(typeof operations)[K]>;

/** The agent's API as both transports expose it. */
export interface AgentApi {
  connect(input: ConnectInput): Promise<Connection>;
  list(input?: ListInput): Promise<ListResult>;
  update(input: UpdateInput): Promise<Connection>;
  disconnect(input: DisconnectInput): Promise<DisconnectResult>;
  syncNow(input?: In<'syncNow'>): Promise<{ runs: RunSummary[] }>;
  preview(input: In<'preview'>): Promise<PreviewResult>;
  review(input: In<'review'>): Promise<{ calendar: Connection; run: RunSummary | null }>;
  conflicts(input?: In<'conflicts'>): Promise<{ conflicts: ConflictView[] }>;
  resolveConflict(input: In<'resolveConflict'>): Promise<{ message: string }>;
  runs(input?: In<'runs'>): Promise<{ runs: RunSummary[] }>;
  undo(input: In<'undo'>): Promise<RunSummary>;
  accounts(input?: In<'accounts'>): Promise<{ accounts: AccountView[] }>;
  signIn(input: In<'signIn'>): Promise<{ auth_url: string }>;
  removeAccount(input: In<'removeAccount'>): Promise<{ message: string }>;
  accountCalendars(input: In<'accountCalendars'>): Promise<{ calendars: ExternalCalendar[] }>;
  configureSched(input: In<'configureSched'>): Promise<{ base_url: string; mode: 'sandbox' | 'live' }>;
  schedResources(input?: In<'schedResources'>): Promise<{ resources: SchedResource[] }>;
  getSettings(input?: In<'getSettings'>): Promise<AppSettingsView>;
  updateSettings(input: In<'updateSettings'>): Promise<AppSettingsView>;
  status(input?: In<'status'>): Promise<AgentStatus>;
}

export type OperationInput<K extends OperationName> = z.infer<(typeof operations)[K]>;
export type OperationResult<K extends OperationName> = Awaited<ReturnType<AgentApi[K]>>;

/** Error codes shared by both transports (HTTP maps them to 400, 401, 404, 409, 503, 500). */
export const apiErrorCodes = [
  'validation',
  'unauthorized',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

/** What an IPC call resolves to: Electron drops the fields of thrown errors, so results travel in an envelope. */
export type IpcEnvelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** The IPC channel of an operation. */
export const channelOf = (op: OperationName): string => `sched-sync:${op}`;

/** Validates an operation's input; a failure names the field and the reason ("calendar_service: …"). */
export function validateInput<K extends OperationName>(
  op: K,
  payload: unknown,
): { ok: true; value: OperationInput<K> } | { ok: false; error: ApiErrorBody } {
  const parsed = operations[op].safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as OperationInput<K> };
  return { ok: false, error: { code: 'validation', message: describeIssues(parsed.error.issues) } };
}

/** Turns zod issues into one sentence that names each field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: unknown field`;
      const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}
