/**
 * Pointing the agent at a real Sched: the base URL goes to the settings, the API key to the keychain, and the agent
 * leaves Sandbox mode. The key is checked against Sched first, so a wrong one changes nothing.
 */
import type { SchedResource } from '../../preload/contract';
import type { SecretStore } from '../secrets/secret-store';
import { secretKeys } from '../secrets/secret-store';
import type { SettingsStore } from '../store/settings-store';
import type { AgentMode } from './environment';
import type { SchedDirectory, ServiceClients } from './ports';
import { probeRefusal } from './sched-probe-refusal';

export interface SchedServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  clients: () => ServiceClients;
  /** Builds a directory for a Sched that is not configured yet, to test the key before saving it. */
  probe(baseUrl: string, apiKey: string): SchedDirectory;
  /** Switches the running agent to live services (stops the embedded sandbox, rebuilds the clients). */
  goLive(): Promise<void>;
}

/** How long Sched's resource list is reused: the UI asks often, and resources change rarely. */
const resourcesTtlMs = 60_000;

/** Sched configuration and resources. */
export class SchedService {
  private cached: { at: number; resources: SchedResource[] } | null = null;

  constructor(private readonly deps: SchedServiceDeps) {}

  async configure(input: {
    base_url: string;
    api_key: string;
  }): Promise<{ base_url: string; mode: AgentMode }> {
    const baseUrl = input.base_url.replace(/\/+$/, '');
    await this.deps
      .probe(baseUrl, input.api_key)
      .listResources()
      .catch((error: unknown) => {
        throw probeRefusal(error, baseUrl);
      });
    await this.deps.secrets.set(secretKeys.schedApiKey, input.api_key);
    this.deps.settings.setSched({ base_url: baseUrl });
    this.deps.settings.setMode('live');
    await this.deps.goLive();
    this.cached = null;
    return { base_url: baseUrl, mode: 'live' };
  }

  async resources(now = Date.now()): Promise<{ resources: SchedResource[] }> {
    if (!this.cached || now - this.cached.at > resourcesTtlMs) {
      this.cached = { at: now, resources: await (await this.deps.clients().sched()).listResources() };
    }
    return { resources: this.cached.resources };
  }
}
