/**
 * The Settings page behind `getSettings`/`updateSettings`: the person's settings, the sign-in apps (Settings →
 * Accounts → "Sign-in apps", the Google secret to the keychain and never back out), the administrator's locks, and
 * which OAuth clients are in force (main/auth/oauth-clients.ts decides the order of the sources).
 */
import type { AppSettingsView, OAuthClientsView, SettingsPatch } from '../../preload/contract';
import {
  googleClientSecretKey,
  oauthClientsFromEnvironment,
  resolveOAuthClients,
  type OAuthClients,
  type ResolvedOAuthClients,
} from '../auth/oauth-clients';
import type { SecretStore } from '../secrets/secret-store';
import type { Deployment } from '../store/deployment-file';
import type { SettingsStore } from '../store/settings-store';
import { DeploymentLocks } from './deployment-policy';

export interface SettingsServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  deployment: Deployment | null;
  /** The ids built into this release. */
  release: OAuthClients;
  /** Process environment, for the developer override (`SCHED_SYNC_*`). */
  env: Record<string, string | undefined>;
  /** Called after the sign-in apps changed, so live clients are rebuilt with them. */
  clientsChanged?(): Promise<void>;
  /** Applies settings that act outside the agent (start at login). */
  applySettings?(settings: AppSettingsView): Promise<void>;
}

/** Settings operations. */
export class SettingsService {
  readonly locks: DeploymentLocks;

  constructor(private readonly deps: SettingsServiceDeps) {
    this.locks = new DeploymentLocks(deps.deployment);
  }

  /** The OAuth clients in force, the Settings secret read from the keychain. */
  async oauthClients(): Promise<ResolvedOAuthClients> {
    const typed = this.deps.settings.getOAuthClients();
    const secret = typed.google ? await this.deps.secrets.get(googleClientSecretKey) : null;
    return resolveOAuthClients({
      environment: oauthClientsFromEnvironment(this.deps.env),
      settings: {
        ...(typed.google
          ? { google: { ...typed.google, ...(secret ? { client_secret: secret } : {}) } }
          : {}),
        ...(typed.microsoft ? { microsoft: typed.microsoft } : {}),
      },
      deployment: this.deps.deployment?.settings.oauth_clients,
      release: this.deps.release,
      locked: {
        google: this.locks.has('oauth_clients.google'),
        microsoft: this.locks.has('oauth_clients.microsoft'),
      },
    });
  }

  async view(): Promise<AppSettingsView> {
    const clients = await this.oauthClients();
    const oauth_clients: OAuthClientsView = {
      google: clients.google
        ? {
            client_id: clients.google.config.client_id,
            has_client_secret: Boolean(clients.google.config.client_secret),
            source: clients.google.source,
          }
        : null,
      microsoft: clients.microsoft
        ? {
            client_id: clients.microsoft.config.client_id,
            tenant: clients.microsoft.config.tenant ?? 'common',
            source: clients.microsoft.source,
          }
        : null,
    };
    return {
      ...this.deps.settings.getSettings(),
      welcome_done: this.deps.settings.welcomeDone(),
      oauth_clients,
      locked: this.locks.names(),
      deployment_file: this.deps.deployment?.path ?? null,
      deployment_sched_url: this.deps.deployment?.settings.sched_base_url ?? null,
    };
  }

  /** Applies a change; a locked setting is refused (409) and nothing is written. */
  async update(patch: SettingsPatch): Promise<AppSettingsView> {
    this.locks.check(patch, this.deps.settings.getSettings());
    const { oauth_clients, welcome_done, ...rest } = patch;
    this.deps.settings.updateSettings(rest);
    if (welcome_done) this.deps.settings.setWelcomeDone();
    if (oauth_clients) await this.saveClients(oauth_clients);
    const view = await this.view();
    await this.deps.applySettings?.(view);
    return view;
  }

  private async saveClients(change: NonNullable<SettingsPatch['oauth_clients']>): Promise<void> {
    const typed = { ...this.deps.settings.getOAuthClients() };
    const { google, microsoft } = change;
    if (google !== undefined) {
      const sameClient = google !== null && typed.google?.client_id === google.client_id;
      // The secret belongs to one client: kept when only the secret is left out, dropped with a new id.
      if (google?.client_secret) await this.deps.secrets.set(googleClientSecretKey, google.client_secret);
      else if (!sameClient) await this.deps.secrets.delete(googleClientSecretKey);
      if (google === null) delete typed.google;
      else typed.google = { client_id: google.client_id };
    }
    if (microsoft !== undefined) {
      if (microsoft === null) delete typed.microsoft;
      else
        typed.microsoft = {
          client_id: microsoft.client_id,
          ...(microsoft.tenant ? { tenant: microsoft.tenant } : {}),
        };
    }
    this.deps.settings.setOAuthClients(typed);
    await this.deps.clientsChanged?.();
  }
}
