import { z } from 'zod';
import {
  SyncSettingsPatchSchema,
  SyncSettingsSchema,
  calendarServices,
  defaultSyncSettings,
} from '../../preload/contract';

/**
 * The settings file's shape, shared by the conf (headless) and electron-store (desktop) stores.
 * Objects are strict on purpose: a field nobody declared (an `api_key`, an `oauth_token`) is refused rather
 * than written, so no secret can slip into this file (tokens and keys live in the keychain only).
 */

export const appModes = ['sandbox', 'live'] as const;
export type AppMode = (typeof appModes)[number];

/** What a person edits on the Settings page (API.md §2, `settings`). */
export const AppSettingsSchema = z
  .object({
    auto_start: z.boolean(),
    notifications: z.boolean(),
    default_sync_settings: SyncSettingsSchema,
  })
  .strict();
export type AppSettings = z.infer<typeof AppSettingsSchema>;

/** A partial change of the person's settings; `default_sync_settings` fields merge into the stored ones. */
export const AppSettingsPatchSchema = z
  .object({
    auto_start: z.boolean().optional(),
    notifications: z.boolean().optional(),
    default_sync_settings: SyncSettingsPatchSchema.optional(),
  })
  .strict();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatchSchema>;

const id = z.string().trim().min(1, 'must not be empty').max(1024);

/** A signed-in account: who it is, never its tokens. */
export const AccountSchema = z
  .object({
    id,
    provider: z.enum(calendarServices),
    email: z.string().trim().min(1, 'must not be empty').max(320),
  })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

/** A connection as configured; its sync tokens and status live in the state DB, its sign-in in the keychain. */
export const StoredConnectionSchema = z
  .object({
    resource_id: id,
    calendar_service: z.enum(calendarServices),
    calendar_id: id,
    account_id: id.nullable(),
    sync_settings: SyncSettingsSchema,
    /** Paused by a person: no run by the clock, a trigger or "sync all" until resumed (SYNC.md, "Pause / resume"). */
    paused: z.boolean().optional(),
    /** Connected but not yet run: only a person starts its first run (SYNC.md, "First run"). */
    awaiting_first_sync: z.boolean().optional(),
    /**
     * The resource the calendar mirrored before a remap its run has not finished yet. The state DB records it too;
     * kept here as well so a lost state DB cannot turn the remap into a second booking (docs/sync-rules.md).
     */
    remap_from: id.optional(),
  })
  .strict();
export type StoredConnection = z.infer<typeof StoredConnectionSchema>;

/** Where Sched is; its API key is in the keychain under `sched-api-key`. */
export const SchedConfigSchema = z
  .object({
    base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  })
  .strict();
export type SchedConfig = z.infer<typeof SchedConfigSchema>;

const clientId = z.string().trim().min(1, 'must not be empty').max(1024);

/**
 * The OAuth clients typed in Settings → Accounts → "Sign-in apps": ids and the Microsoft tenant only. The Google
 * client secret is in the keychain (`oauth-client-secret:google`), never here.
 */
export const OAuthClientSettingsSchema = z
  .object({
    google: z.object({ client_id: clientId }).strict().optional(),
    microsoft: z
      .object({ client_id: clientId, tenant: z.string().trim().min(1).max(256).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type OAuthClientSettings = z.infer<typeof OAuthClientSettingsSchema>;

/** Defaults of a first start: the embedded sandbox, starting at login, with notifications. */
export const defaultAppSettings: AppSettings = {
  auto_start: true,
  notifications: true,
  default_sync_settings: defaultSyncSettings,
};

/** The whole file. Missing top-level fields (a file from an older version) take their defaults. */
export const SettingsFileSchema = z
  .object({
    auto_start: z.boolean().default(defaultAppSettings.auto_start),
    notifications: z.boolean().default(defaultAppSettings.notifications),
    default_sync_settings: SyncSettingsSchema.default(defaultSyncSettings),
    mode: z.enum(appModes).default('sandbox'),
    sched: SchedConfigSchema.nullable().default(null),
    accounts: z.array(AccountSchema).default([]),
    connections: z.array(StoredConnectionSchema).default([]),
    /** This install's random device id (one device per calendar, SYNC.md), made at first start. */
    device_id: z.string().min(1).max(200).nullable().default(null),
    oauth_clients: OAuthClientSettingsSchema.default({}),
    /** The first-run welcome was answered ("Try it with demo data" or "Connect your Sched"): not shown again. */
    welcome_done: z.boolean().default(false),
    /**
     * The resource each disconnected calendar's copies belong to, until it is connected again: a state DB lost in
     * between cannot then turn a connect to another resource into a second booking of its events (a remap).
     */
    former_resources: z.record(id, id).default({}),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.connections.forEach((c, index) => {
      if (seen.has(c.calendar_id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['connections', index, 'calendar_id'],
          message: 'is connected twice',
        });
      }
      seen.add(c.calendar_id);
    });
    const accountIds = new Set<string>();
    file.accounts.forEach((a, index) => {
      if (accountIds.has(a.id)) {
        ctx.addIssue({ code: 'custom', path: ['accounts', index, 'id'], message: 'appears twice' });
      }
      accountIds.add(a.id);
    });
  });
export type SettingsFile = z.output<typeof SettingsFileSchema>;

/** A fresh file's content. */
export const defaultSettingsFile = (): SettingsFile => SettingsFileSchema.parse({});
