/**
 * What the deployment file of a managed install means for the running agent: defaults for a fresh install, the
 * settings an administrator locked (kept in the settings file at their value, and refused when a change comes),
 * and the Sched URL it prescribes. Reading the file is main/store/deployment-file.ts; this applies it.
 */
import type { SettingsPatch } from '../../preload/contract';
import type { Deployment, LockableSetting } from '../store/deployment-file';
import type { SettingsStore } from '../store/settings-store';
import { AgentError } from './agent-error';

/** Fills a fresh settings file from the deployment's defaults; with `fresh` false only locked values are applied. */
export function applyDeployment(
  settings: SettingsStore,
  deployment: Deployment | null,
  fresh: boolean,
): void {
  if (!deployment) return;
  const d = deployment.settings;
  const locked = new Set<string>(d.locked ?? []);
  const take = (name: string) => fresh || locked.has(name);
  const sync = Object.fromEntries(
    Object.entries(d.default_sync_settings ?? {}).filter(
      ([field]) => take('default_sync_settings') || take(`default_sync_settings.${field}`),
    ),
  );
  settings.updateSettings({
    ...(d.auto_start !== undefined && take('auto_start') ? { auto_start: d.auto_start } : {}),
    ...(d.notifications !== undefined && take('notifications') ? { notifications: d.notifications } : {}),
    ...(Object.keys(sync).length > 0 ? { default_sync_settings: sync } : {}),
  });
}

/** The locks of a deployment, read when a change comes. */
export class DeploymentLocks {
  private readonly locked: ReadonlySet<string>;

  constructor(private readonly deployment: Deployment | null) {
    this.locked = new Set(deployment?.settings.locked ?? []);
  }

  /** The locked setting names, sorted. */
  names(): string[] {
    return [...this.locked].sort();
  }

  has(name: LockableSetting): boolean {
    return this.locked.has(name);
  }

  /** Refuses a patch that would change a locked setting (409, naming it); values equal to the current pass. */
  check(
    patch: SettingsPatch,
    current: { auto_start: boolean; notifications: boolean; default_sync_settings: Record<string, unknown> },
  ): void {
    if (patch.auto_start !== undefined && patch.auto_start !== current.auto_start)
      this.refuseIf('auto_start');
    if (patch.notifications !== undefined && patch.notifications !== current.notifications)
      this.refuseIf('notifications');
    for (const [field, value] of Object.entries(patch.default_sync_settings ?? {})) {
      if (value === current.default_sync_settings[field]) continue;
      this.refuseIf('default_sync_settings');
      this.refuseIf(`default_sync_settings.${field}` as LockableSetting);
    }
    if (patch.oauth_clients?.google !== undefined) this.refuseIf('oauth_clients.google');
    if (patch.oauth_clients?.microsoft !== undefined) this.refuseIf('oauth_clients.microsoft');
  }

  /** Refuses a Sched URL other than the one the administrator locked. */
  checkSchedUrl(baseUrl: string): void {
    const prescribed = this.deployment?.settings.sched_base_url?.replace(/\/+$/, '');
    if (this.has('sched_base_url') && prescribed && baseUrl.replace(/\/+$/, '') !== prescribed) {
      throw this.refusal('sched_base_url', ` Use ${prescribed}.`);
    }
  }

  private refuseIf(name: LockableSetting): void {
    if (this.has(name)) throw this.refusal(name, '');
  }

  private refusal(name: string, hint: string): AgentError {
    return new AgentError(
      'conflict',
      `${name} was set by an administrator (in ${this.deployment?.path}) and cannot be changed here.${hint}`,
    );
  }
}
