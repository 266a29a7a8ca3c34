/**
 * The contract between the UI and the agent: one map of every operation to its input schema, its result type and
 * its HTTP route. Main validates every input with these schemas; `AgentApi`, the preload bridge, both transports,
 * the web client and the CLI are derived from the map, so adding a feature starts (and mostly ends) here.
 * JSON is snake_case, as in Sched's own API (shared/API.md §2). Imports zod only: safe in renderer, preload and main.
 */
import { z } from 'zod';
import type {
  AccountView,
  AgentStatus,
  AppSettingsView,
  ConflictView,
  Connection,
  Diagnostics,
  DisconnectResult,
  ExternalCalendar,
  ListResult,
  PreviewResult,
  RunDetails,
  RunSummary,
  SchedResource,
  ScheduleView,
} from './contract-views';
import {
  calendarServices,
  conflictChoices,
  SyncSettingsPatchSchema,
  type ApiErrorCode,
  type CalendarService,
} from './contract-words';

export * from './contract-words';
export type * from './contract-views';

/** A string field of at most `max` characters; the limit keeps hostile or mistaken input out (issue #12). */
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Ids: resources, calendars, accounts, runs, conflicts. */
const id = text(1024);
/** A refresh token pasted in or handed over by Sched (real ones are far shorter). */
const token = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters (a refresh token, not a file)');

/** `connect`: Sched's `POST /calendars/connect` payload, plus the agent's `account_id` and `sync_settings`. */
export const ConnectInputSchema = z
  .object({
    resource_id: id,
    calendar_service: z.enum(calendarServices),
    calendar_id: id,
    account_id: id.optional(),
    oauth_token: token.optional(),
    sync_settings: SyncSettingsPatchSchema.optional(),
    /** Take the calendar over from the device that syncs it now (one device per calendar). */
    takeover: z.boolean().optional(),
  })
  .strict();
export type ConnectInput = z.infer<typeof ConnectInputSchema>;

const Empty = z.object({}).strict();
export const ListInputSchema = Empty;
export type ListInput = z.infer<typeof ListInputSchema>;

/** `update`: Sched's `PUT /calendars/{calendar_id}`; `calendar_id` comes from the path over HTTP. */
export const UpdateInputSchema = z
  .object({
    calendar_id: id,
    oauth_token: token.optional(),
    sync_settings: SyncSettingsPatchSchema.optional(),
    resource_id: id.optional(),
    /** Pause (`true`) or resume (`false`) syncing this calendar; its state is kept either way. */
    paused: z.boolean().optional(),
  })
  .strict();
export type UpdateInput = z.infer<typeof UpdateInputSchema>;

export const DisconnectInputSchema = z.object({ calendar_id: id }).strict();
export type DisconnectInput = z.infer<typeof DisconnectInputSchema>;

/** `pauseAll`: pause (`true`) or resume (`false`) every connection at once. */
export const PauseAllInputSchema = z.object({ paused: z.boolean() }).strict();
export type PauseAllInput = z.infer<typeof PauseAllInputSchema>;

export const SyncNowInputSchema = z.object({ calendar_id: id.optional() }).strict();
export const CalendarRefSchema = z.object({ calendar_id: id }).strict();
export const ReviewInputSchema = z
  .object({ calendar_id: id, decision: z.enum(['apply', 'cancel']) })
  .strict();
export const ResolveConflictInputSchema = z.object({ id, resolution: z.enum(conflictChoices) }).strict();
export const RunsInputSchema = z.object({ calendar_id: id.optional() }).strict();
export const UndoInputSchema = z.object({ run_id: id }).strict();
export const RunRefSchema = z.object({ run_id: id }).strict();
/** A day as `YYYY-MM-DD` that exists in the calendar. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2025-03-04')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'must be a real date',
  );
/** `schedule`: the days `from` to `to` (both included, at most 42) of a connection, in its resource's zone. */
export const ScheduleInputSchema = z
  .object({ calendar_id: id, from: day, to: day })
  .strict()
  .refine((v) => v.to >= v.from, { message: 'must not be before from', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 41 * 86_400_000, {
    message: 'must be at most 42 days after from',
    path: ['to'],
  });
export const SignInInputSchema = z.object({ provider: z.enum(calendarServices) }).strict();
export const AccountRefSchema = z.object({ account_id: id }).strict();
export const ConfigureSchedInputSchema = z
  .object({
    base_url: z
      .string()
      .trim()
      .max(2048, 'must be at most 2048 characters')
      .url('must be a URL such as https://api.sched.example/v1')
      .refine((u) => u.startsWith('https://'), 'must start with https://'),
    api_key: text(1024),
  })
  .strict();
export const SettingsPatchSchema = z
  .object({
    auto_start: z.boolean().optional(),
    notifications: z.boolean().optional(),
    /** The first-run welcome was answered ("Try it with demo data"): it is not shown again. */
    welcome_done: z.literal(true).optional(),
    default_sync_settings: SyncSettingsPatchSchema.optional(),
    /** Sign-in apps typed in Settings; `null` removes that provider's. The secret goes to the keychain. */
    oauth_clients: z
      .object({
        google: z
          .object({ client_id: text(1024), client_secret: text(1024).optional() })
          .strict()
          .nullable()
          .optional(),
        microsoft: z
          .object({ client_id: text(1024), tenant: text(256).optional() })
          .strict()
          .nullable()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Where an operation lives on the loopback HTTP API (shared/API.md §2). */
export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below /api, with `:name` segments filled from the input field of that name. */
  path: string;
  /** POST and PUT take the other input fields as a JSON body unless this is false. */
  body?: false;
  /** The status of a success (200 unless given). */
  created?: true;
}

/** One operation: its input schema, its result (a type only) and its HTTP route. */
export interface Operation<I extends z.ZodType, R> {
  input: I;
  http: HttpRoute;
  /** Never set: carries the result type. */
  result?: R;
}

const op =
  <R>() =>
  <I extends z.ZodType>(input: I, http: HttpRoute): Operation<I, R> => ({ input, http });

/** Every operation of the agent API. */
export const operations = {
  connect: op<Connection>()(ConnectInputSchema, {
    method: 'POST',
    path: '/calendars/connect',
    created: true,
  }),
  list: op<ListResult>()(ListInputSchema, { method: 'GET', path: '/calendars' }),
  update: op<Connection>()(UpdateInputSchema, { method: 'PUT', path: '/calendars/:calendar_id' }),
  disconnect: op<DisconnectResult>()(DisconnectInputSchema, {
    method: 'DELETE',
    path: '/calendars/:calendar_id',
  }),
  pauseAll: op<ListResult>()(PauseAllInputSchema, { method: 'POST', path: '/pause' }),
  syncNow: op<{ runs: RunSummary[] }>()(SyncNowInputSchema, { method: 'POST', path: '/sync' }),
  preview: op<PreviewResult>()(CalendarRefSchema, { method: 'GET', path: '/calendars/:calendar_id/preview' }),
  review: op<{ calendar: Connection; run: RunSummary | null }>()(ReviewInputSchema, {
    method: 'POST',
    path: '/calendars/:calendar_id/review',
  }),
  conflicts: op<{ conflicts: ConflictView[] }>()(Empty, { method: 'GET', path: '/conflicts' }),
  resolveConflict: op<{ message: string }>()(ResolveConflictInputSchema, {
    method: 'POST',
    path: '/conflicts/:id/resolve',
  }),
  // Over HTTP the activity list is always every connection's (API.md); the desktop may pass `calendar_id`.
  runs: op<{ runs: RunSummary[] }>()(RunsInputSchema, { method: 'GET', path: '/runs' }),
  undo: op<RunSummary>()(UndoInputSchema, { method: 'POST', path: '/runs/:run_id/undo', body: false }),
  runItems: op<RunDetails>()(RunRefSchema, { method: 'GET', path: '/runs/:run_id/items' }),
  schedule: op<ScheduleView>()(ScheduleInputSchema, {
    method: 'GET',
    path: '/calendars/:calendar_id/schedule/:from/:to',
  }),
  accounts: op<{ accounts: AccountView[] }>()(Empty, { method: 'GET', path: '/accounts' }),
  signIn: op<{ auth_url: string }>()(SignInInputSchema, {
    method: 'POST',
    path: '/accounts/:provider/sign-in',
    body: false,
  }),
  removeAccount: op<{ message: string }>()(AccountRefSchema, {
    method: 'DELETE',
    path: '/accounts/:account_id',
  }),
  accountCalendars: op<{ calendars: ExternalCalendar[] }>()(AccountRefSchema, {
    method: 'GET',
    path: '/accounts/:account_id/calendars',
  }),
  configureSched: op<{ base_url: string; mode: 'sandbox' | 'live' }>()(ConfigureSchedInputSchema, {
    method: 'PUT',
    path: '/sched',
  }),
  schedResources: op<{ resources: SchedResource[] }>()(Empty, { method: 'GET', path: '/sched/resources' }),
  getSettings: op<AppSettingsView>()(Empty, { method: 'GET', path: '/settings' }),
  updateSettings: op<AppSettingsView>()(SettingsPatchSchema, { method: 'PUT', path: '/settings' }),
  status: op<AgentStatus>()(Empty, { method: 'GET', path: '/status' }),
  diagnostics: op<Diagnostics>()(Empty, { method: 'GET', path: '/diagnostics' }),
} as const;
export type OperationName = keyof typeof operations;
/** The names of every operation, in the map's order. */
export const operationNames = Object.keys(operations) as OperationName[];

export type OperationInput<K extends OperationName> = z.infer<(typeof operations)[K]['input']>;
export type OperationResult<K extends OperationName> =
  (typeof operations)[K] extends Operation<z.ZodType, infer R> ? R : never;

/** The agent's API as both transports expose it: one method per operation; an input with no required field may be left out. */
export type AgentApi = {
  [K in OperationName]: Record<never, never> extends OperationInput<K>
    ? (input?: OperationInput<K>) => Promise<OperationResult<K>>
    : (input: OperationInput<K>) => Promise<OperationResult<K>>;
};

/** The HTTP request of an operation: path parameters filled (encoded) from the input, the rest as the body. */
export function requestOf(
  name: OperationName,
  input: Record<string, unknown> = {},
): { method: HttpRoute['method']; path: string; body?: Record<string, unknown> } {
  const { http } = operations[name];
  const rest = { ...input };
  const path = http.path.replace(/:([a-z_]+)/g, (_match, field: string) => {
    const value = String(rest[field] ?? '');
    delete rest[field];
    return encodeURIComponent(value);
  });
  const hasBody = (http.method === 'POST' || http.method === 'PUT') && http.body !== false;
  return hasBody ? { method: http.method, path, body: rest } : { method: http.method, path };
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

/** What an IPC call resolves to: Electron drops the fields of thrown errors, so results travel in an envelope. */
export type IpcEnvelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** The IPC channel of an operation. */
export const channelOf = (name: OperationName): string => `sched-sync:${name}`;

/** Validates an operation's input; a failure names the field and the reason ("calendar_service: …"). */
export function validateInput<K extends OperationName>(
  name: K,
  payload: unknown,
): { ok: true; value: OperationInput<K> } | { ok: false; error: ApiErrorBody } {
  const parsed = operations[name].input.safeParse(payload ?? {});
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

/** The service name type, re-stated for callers that import it with the operations. */
export type { CalendarService };
