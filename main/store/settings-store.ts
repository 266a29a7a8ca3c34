import { randomUUID } from 'node:crypto';
import type Conf from 'conf';
import type { z } from 'zod';
import { describeIssues } from '../../preload/contract';
import { AppError } from '../errors/app-error';
import {
  AccountSchema,
  AppSettingsPatchSchema,
  OAuthClientSettingsSchema,
  SchedConfigSchema,
  SettingsFileSchema,
  StoredConnectionSchema,
  type Account,
  type AppMode,
  type AppSettings,
  type AppSettingsPatch,
  type OAuthClientSettings,
  type SchedConfig,
  type SettingsFile,
  type StoredConnection,
} from './settings-schema';

/** The settings file holds something the schema refuses; the message names the file and each bad field. */
export class SettingsFileError extends AppError {
  readonly code = 'settings_invalid';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(
      'internal',
      `The settings file ${path} is not valid: ${problem}. Fix it or move it away to start with defaults.`,
    );
  }
}

/** A change was refused before anything was written; the message names the field. */
export class SettingsValidationError extends AppError {
  readonly code = 'validation';

  constructor(message: string) {
    super('validation', message);
  }
}

/**
 * What the person configured: their settings, accounts (no tokens), connections, where Sched is (not its key)
 * and whether the agent runs on the sandbox or live services. Every write is validated whole before it lands.
 */
export interface SettingsStore {
  /** The file the settings live in. */
  readonly path: string;
  getSettings(): AppSettings;
  /** Applies the fields given; `default_sync_settings` fields merge into the stored ones. */
  updateSettings(patch: AppSettingsPatch): AppSettings;
  getMode(): AppMode;
  setMode(mode: AppMode): void;
  /** The first-run welcome was answered. */
  welcomeDone(): boolean;
  /** Remembers that the first-run welcome was answered. */
  setWelcomeDone(): void;
  /** Where Sched is, or null before it is configured. */
  getSched(): SchedConfig | null;
  setSched(config: SchedConfig | null): void;
  /** The OAuth client ids typed in Settings (no secret). */
  getOAuthClients(): OAuthClientSettings;
  setOAuthClients(clients: OAuthClientSettings): void;
  listAccounts(): Account[];
  getAccount(id: string): Account | null;
  /** Adds the account or replaces the one with the same id. */
  saveAccount(account: Account): Account;
  removeAccount(id: string): boolean;
  listConnections(): StoredConnection[];
  getConnection(calendarId: string): StoredConnection | null;
  /** Adds the connection or replaces the one with the same `calendar_id` (and forgets its `formerResource`). */
  saveConnection(connection: StoredConnection): StoredConnection;
  /** Removes the connection, remembering the resource its copies belong to (`formerResource`). */
  removeConnection(calendarId: string): boolean;
  /** The resource a calendar disconnected since mirrored (its pending remap's old one, if any), or null. */
  formerResource(calendarId: string): string | null;
  /** This install's stable device id: random, made and saved the first time it is asked for. */
  deviceId(): string;
  /** The whole validated file. */
  read(): SettingsFile;
  /** Calls `listener` after every change, whoever made it; returns the unsubscribe function. */
  onChange(listener: (file: SettingsFile) => void): () => void;
}

/**
 * The one implementation of the rules, over a conf instance. electron-store extends conf, so the desktop store
 * is this same class given an electron-store instance (electron-settings-store.ts).
 */
export class ConfBackedSettingsStore implements SettingsStore {
  constructor(private readonly conf: Conf<SettingsFile>) {}

  get path(): string {
    return this.conf.path;
  }

  read(): SettingsFile {
    const parsed = SettingsFileSchema.safeParse(this.conf.store);
    if (!parsed.success) throw new SettingsFileError(this.path, describeIssues(parsed.error.issues));
    return parsed.data;
  }

  deviceId(): string {
    const saved = this.read().device_id;
    if (saved) return saved;
    const made = `dev_${randomUUID()}`;
    this.write((file) => ({ ...file, device_id: made }));
    return made;
  }

  getSettings(): AppSettings {
    const { auto_start, notifications, default_sync_settings } = this.read();
    return { auto_start, notifications, default_sync_settings };
  }

  updateSettings(patch: AppSettingsPatch): AppSettings {
    const change = validate(AppSettingsPatchSchema, patch);
    this.write((file) => ({
      ...file,
      ...(change.auto_start !== undefined && { auto_start: change.auto_start }),
      ...(change.notifications !== undefined && { notifications: change.notifications }),
      default_sync_settings: { ...file.default_sync_settings, ...change.default_sync_settings },
    }));
    return this.getSettings();
  }

  getMode(): AppMode {
    return this.read().mode;
  }

  setMode(mode: AppMode): void {
    this.write((file) => ({ ...file, mode }));
  }

  welcomeDone(): boolean {
    return this.read().welcome_done;
  }

  setWelcomeDone(): void {
    this.write((file) => ({ ...file, welcome_done: true }));
  }

  getSched(): SchedConfig | null {
    return this.read().sched;
  }

  setSched(config: SchedConfig | null): void {
    const sched = config === null ? null : validate(SchedConfigSchema, config);
    this.write((file) => ({ ...file, sched }));
  }

  getOAuthClients(): OAuthClientSettings {
    return this.read().oauth_clients;
  }

  setOAuthClients(clients: OAuthClientSettings): void {
    const oauth_clients = validate(OAuthClientSettingsSchema, clients);
    this.write((file) => ({ ...file, oauth_clients }));
  }

  listAccounts(): Account[] {
    return this.read().accounts;
  }

  getAccount(id: string): Account | null {
    return this.read().accounts.find((a) => a.id === id) ?? null;
  }

  saveAccount(account: Account): Account {
    const valid = validate(AccountSchema, account);
    this.write((file) => ({
      ...file,
      accounts: replaceOrAppend(file.accounts, valid, (a) => a.id === valid.id),
    }));
    return valid;
  }

  removeAccount(id: string): boolean {
    let removed = false;
    this.write((file) => {
      const accounts = file.accounts.filter((a) => a.id !== id);
      removed = accounts.length !== file.accounts.length;
      return { ...file, accounts };
    });
    return removed;
  }

  listConnections(): StoredConnection[] {
    return this.read().connections;
  }

  getConnection(calendarId: string): StoredConnection | null {
    return this.read().connections.find((c) => c.calendar_id === calendarId) ?? null;
  }

  saveConnection(connection: StoredConnection): StoredConnection {
    const valid = validate(StoredConnectionSchema, connection);
    this.write((file) => {
      const { [valid.calendar_id]: _connected, ...former } = file.former_resources;
      return {
        ...file,
        connections: replaceOrAppend(file.connections, valid, (c) => c.calendar_id === valid.calendar_id),
        former_resources: former,
      };
    });
    return valid;
  }

  removeConnection(calendarId: string): boolean {
    let removed = false;
    this.write((file) => {
      const gone = file.connections.find((c) => c.calendar_id === calendarId);
      removed = gone !== undefined;
      if (!gone) return file;
      return {
        ...file,
        connections: file.connections.filter((c) => c !== gone),
        former_resources: { ...file.former_resources, [calendarId]: gone.remap_from ?? gone.resource_id },
      };
    });
    return removed;
  }

  formerResource(calendarId: string): string | null {
    return this.read().former_resources[calendarId] ?? null;
  }

  onChange(listener: (file: SettingsFile) => void): () => void {
    return this.conf.onDidAnyChange(() => listener(this.read()));
  }

  /** Reads, changes and validates the whole file, then replaces it in one atomic write (conf writes via rename). */
  private write(change: (file: SettingsFile) => SettingsFile): void {
    const next = SettingsFileSchema.safeParse(change(this.read()));
    if (!next.success) throw new SettingsValidationError(describeIssues(next.error.issues));
    this.conf.store = next.data;
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SettingsValidationError(describeIssues(parsed.error.issues));
  return parsed.data;
}

function replaceOrAppend<T>(items: readonly T[], item: T, same: (existing: T) => boolean): T[] {
  const index = items.findIndex(same);
  return index === -1 ? [...items, item] : items.map((existing, i) => (i === index ? item : existing));
}
