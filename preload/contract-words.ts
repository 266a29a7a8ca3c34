/**
 * The contract's words: every enumerated value the agent API speaks (services, directions, statuses, conflict
 * kinds and choices, run kinds, error codes) and the sync settings built from them, declared once. Everything else
 * derives from these; main/sync restates a few as types, and a type test keeps them equal. Imports zod only.
 */
import { z } from 'zod';

export const calendarServices = ['google', 'microsoft'] as const;
export const directions = ['two-way', 'sched-to-external', 'external-to-sched'] as const;
export const syncFrequencies = ['manual', '1min', '5min', '15min', '30min', '1h', '6h', '24h'] as const;
/** The `conflict_resolution` setting: how an edit conflict is settled without a person (shared/SYNC.md). */
export const conflictStrategies = ['prefer-sched', 'prefer-external', 'newest', 'manual'] as const;
export const privacyModes = ['full', 'busy-only'] as const;
/**
 * The `inbound_as` setting (shared/SYNC.md, "Availability"): what the calendar's own events become in Sched, bookings
 * (people book the resource from it: a room's calendar) or availability exceptions (someone's own calendar).
 */
export const inboundModes = ['bookings', 'busy'] as const;
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
/**
 * The choices that answer each kind of conflict (shared/SYNC.md, "Conflicts"): skip is for double bookings only, and
 * a double booking of an imported event that moved onto a taken slot (`moved-overlap`, listed with kind `overlap`)
 * may also keep the booking's time. A conflict view lists its own as `choices`.
 */
export const conflictChoicesByKind = {
  edit: ['keep-sched', 'keep-external'],
  overlap: ['import-anyway', 'skip'],
  'moved-overlap': ['import-anyway', 'skip', 'keep-sched'],
} as const satisfies Record<ConflictKind | 'moved-overlap', readonly ConflictChoice[]>;
/**
 * The side each choice writes to: keeping Sched's version writes the calendar, keeping the calendar's (or importing
 * anyway) writes Sched, a skip writes nothing. A connection offers only the choices its direction may write
 * (shared/SYNC.md, "What each direction may touch"): `external-to-sched` never writes the calendar,
 * `sched-to-external` never writes Sched.
 */
export const conflictChoiceWrites = {
  'keep-sched': 'external',
  'keep-external': 'sched',
  'import-anyway': 'sched',
  skip: null,
} as const satisfies Record<ConflictChoice, 'sched' | 'external' | null>;
/** How a conflict left the list: a person's choice, or `settled` when a later change settled it by itself. */
export const conflictOutcomes = [...conflictChoices, 'settled'] as const;
export const runKinds = ['sync', 'undo'] as const;
/**
 * What started a run: the schedule, a person's Sync now, the agent starting or the machine waking (`startup`,
 * `resume`, `unlock`, `online`), a person's answer to a conflict, or a person applying a reviewed deletion.
 */
export const runTriggers = [
  'schedule',
  'manual',
  'startup',
  'resume',
  'unlock',
  'online',
  'conflict',
  'review',
] as const;
/** How an item of a connection's schedule stands (the schedule view's marks). */
export const scheduleStates = ['in-sync', 'waiting', 'conflict', 'skipped', 'free', 'not-synced'] as const;
/**
 * What an item of a connection's schedule is: a Sched booking, blocked time (a Sched availability exception: Sched
 * refuses bookings in it, shared/SYNC.md "Availability"), or a calendar event.
 */
export const scheduleKinds = ['booking', 'blocked', 'event'] as const;
export const runStatuses = ['running', 'ok', 'error', 'needs_review', 'cancelled', 'interrupted'] as const;

export type CalendarService = (typeof calendarServices)[number];
export type SyncStatus = (typeof syncStatuses)[number];
export type Direction = (typeof directions)[number];
export type ConflictStrategy = (typeof conflictStrategies)[number];
export type InboundMode = (typeof inboundModes)[number];
export type ConflictKind = (typeof conflictKinds)[number];
export type ConflictChoice = (typeof conflictChoices)[number];
export type ConflictOutcome = (typeof conflictOutcomes)[number];
export type RunKind = (typeof runKinds)[number];
export type RunStatus = (typeof runStatuses)[number];
export type RunTrigger = (typeof runTriggers)[number];
export type ScheduleState = (typeof scheduleStates)[number];
export type ScheduleKind = (typeof scheduleKinds)[number];

/** Per-connection sync settings (shared/SYNC.md, "Sync settings"). */
export const SyncSettingsSchema = z
  .object({
    direction: z.enum(directions),
    sync_frequency: z.enum(syncFrequencies),
    conflict_resolution: z.enum(conflictStrategies),
    privacy: z.enum(privacyModes),
    /** Absent in settings saved before it existed: those connections keep making bookings. */
    inbound_as: z.enum(inboundModes).default('bookings'),
    window_days_past: z.number().int().min(0).max(3650),
    window_days_future: z.number().int().min(1).max(3650),
  })
  .strict();
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** The names of the sync settings fields (the CLI's settings flags). */
export const syncSettingsFields = Object.keys(SyncSettingsSchema.shape) as (keyof SyncSettings)[];

/** A partial update of sync settings: the fields given replace the stored ones. */
export const SyncSettingsPatchSchema = SyncSettingsSchema.partial()
  // Without this, zod fills the default in and a patch of another field would reset `inbound_as`.
  .extend({ inbound_as: z.enum(inboundModes).optional() })
  .strict();
export type SyncSettingsPatch = z.infer<typeof SyncSettingsPatchSchema>;

export const defaultSyncSettings: SyncSettings = {
  direction: 'two-way',
  sync_frequency: '15min',
  conflict_resolution: 'manual',
  privacy: 'full',
  inbound_as: 'bookings',
  window_days_past: 30,
  window_days_future: 180,
};

/** Error codes shared by both transports (HTTP maps them to 400, 401, 404, 409, 503, 502, 500). */
export const apiErrorCodes = [
  'validation',
  'unauthorized',
  'not_found',
  'conflict',
  'unavailable',
  /** A service the agent called (Sched) could not be reached or failed; the message says what it answered. */
  'upstream',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];
