/**
 * What the engine needs to run one connection (its providers, resource zone, settings and the calendars of its
 * resource that only import), built fresh for each run, preview, undo or answer.
 */
import type { SchedResource } from '../../preload/contract';
import type { EngineConnection } from '../engine/types';
import type { SettingsStore } from '../store/settings-store';
import type { StoredConnection } from '../store/settings-schema';
import { AgentError } from './agent-error';
import type { ServiceClients } from './ports';

/** Builds engine connections; Sched's resources are read once and kept until `forgetResources`. */
export class EngineConnections {
  private readonly resources = new Map<string, SchedResource>();

  constructor(
    private readonly deps: {
      settings: SettingsStore;
      clients: () => ServiceClients;
      clock?: { refresh(): Promise<void> };
    },
  ) {}

  /** The connections or their resources may have changed: the next build reads Sched's resources again. */
  forgetResources(): void {
    this.resources.clear();
  }

  /** The engine's view of `stored`, on the agent's clock as it is now. */
  async of(stored: StoredConnection): Promise<EngineConnection> {
    await this.deps.clock?.refresh();
    const resource = await this.resource(stored.resource_id);
    const providers = await this.deps.clients().providersFor(stored, resource);
    const others = this.deps.settings
      .listConnections()
      .filter((c) => c.resource_id === stored.resource_id && c.calendar_id !== stored.calendar_id);
    return {
      calendarId: stored.calendar_id,
      resourceId: stored.resource_id,
      resourceTimezone: resource.timezone,
      calendarService: stored.calendar_service,
      settings: stored.sync_settings,
      sched: providers.sched,
      external: providers.external,
      oneWayCalendarsOfResource: others
        .filter((c) => c.sync_settings.direction === 'external-to-sched')
        .map((c) => c.calendar_id),
      otherCalendarsOfResource: others.map((c) => c.calendar_id),
    };
  }

  /** Resources are read once and kept until the connections change, so an idle run stays one request per side. */
  private async resource(resourceId: string): Promise<SchedResource> {
    if (!this.resources.has(resourceId)) {
      const all = await (await this.deps.clients().sched()).listResources();
      for (const r of all) this.resources.set(r.id, r);
    }
    const found = this.resources.get(resourceId);
    if (!found) throw new AgentError('not_found', `Sched no longer has the resource "${resourceId}".`);
    return found;
  }
}
