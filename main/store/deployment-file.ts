/**
 * The deployment file of a managed install, `sched-sync.json`: written by an administrator in the system's config
 * folder (or beside the app), read-only to the agent. It gives the Sched URL, the OAuth client ids, default
 * settings for a fresh install, and the settings a person may not change (`locked`). See docs/live-mode.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SyncSettingsPatchSchema, describeIssues, syncSettingsFields } from '../../preload/contract';
import { AppError } from '../errors/app-error';

/** The file's name, wherever it lives. */
export const deploymentFileName = 'sched-sync.json';

/** The setting names `locked` may hold. */
export const lockableSettings = [
  'auto_start',
  'notifications',
  'default_sync_settings',
  ...syncSettingsFields.map((f) => `default_sync_settings.${f}` as const),
  'oauth_clients.google',
  'oauth_clients.microsoft',
  'sched_base_url',
] as const;
export type LockableSetting = (typeof lockableSettings)[number];

const clientId = z.string().trim().min(1, 'must not be empty').max(1024);

export const DeploymentFileSchema = z
  .object({
    sched_base_url: z
      .url({ protocol: /^https$/, error: 'must be an https:// URL such as https://api.sched.example/v1' })
      .optional(),
    oauth_clients: z
      .object({
        google: z
          .object({ client_id: clientId, client_secret: z.string().trim().min(1).max(1024).optional() })
          .strict()
          .optional(),
        microsoft: z
          .object({ client_id: clientId, tenant: z.string().trim().min(1).max(256).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    auto_start: z.boolean().optional(),
    notifications: z.boolean().optional(),
    default_sync_settings: SyncSettingsPatchSchema.optional(),
    locked: z.array(z.enum(lockableSettings)).optional(),
  })
  .strict();
export type DeploymentSettings = z.infer<typeof DeploymentFileSchema>;

/** A deployment file that was read, and where. */
export interface Deployment {
  path: string;
  settings: DeploymentSettings;
}

/** The deployment file exists but is not valid; the message names the file and each bad field. */
export class DeploymentFileError extends AppError {
  constructor(path: string, problem: string) {
    super(
      'internal',
      `The deployment file ${path} is not valid: ${problem}. Ask your administrator to fix it.`,
    );
  }
}

/**
 * Where the file is looked for, first found wins: beside the app (a portable or per-machine copy), then the
 * system's config folder: /etc/sched-sync on Linux, %ProgramData%\Sched Sync on Windows,
 * /Library/Application Support/Sched Sync on macOS.
 */
export function deploymentFileCandidates(
  platform: NodeJS.Platform,
  appExecutable: string,
  env: Record<string, string | undefined>,
): string[] {
  const beside = join(dirname(appExecutable), deploymentFileName);
  const system =
    platform === 'win32'
      ? join(env.ProgramData ?? 'C:\\ProgramData', 'Sched Sync', deploymentFileName)
      : platform === 'darwin'
        ? join('/Library/Application Support/Sched Sync', deploymentFileName)
        : join('/etc/sched-sync', deploymentFileName);
  return [beside, system];
}

/** Reads the first deployment file of `candidates`; null when there is none. */
export function readDeploymentFile(candidates: readonly string[]): Deployment | null {
  for (const path of candidates) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new DeploymentFileError(path, `it cannot be read (${(error as Error).message})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DeploymentFileError(path, `it is not JSON (${(error as Error).message})`);
    }
    const parsed = DeploymentFileSchema.safeParse(json);
    if (!parsed.success) throw new DeploymentFileError(path, describeIssues(parsed.error.issues));
    return { path, settings: parsed.data };
  }
  return null;
}
