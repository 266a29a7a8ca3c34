/** Sched's REST client for the configured base URL and key, its directory, and one provider per resource. */
import type { SchedResource, SyncSettings } from '../../preload/contract';
import {
  SchedApiDirectory,
  SchedCalendarProvider,
  SchedExceptionsProvider,
  SchedHttp,
  SchedResourceProvider,
  SchedRegistryClient,
  createSchedGate,
} from '../providers/sched';
import { AgentError } from './agent-error';
import type { SchedDirectory } from './ports';

/**
 * A directory for a Sched that is not configured yet: used to check a base URL and key before saving them. One
 * attempt with a shorter timeout, since a person waits on the answer and retrying hides what went wrong.
 */
export function createSchedProbe(baseUrl: string, apiKey: string): SchedDirectory {
  const gate = createSchedGate({ maxAttempts: 1 });
  return new SchedApiDirectory(
    new SchedRegistryClient(new SchedHttp({ baseUrl, apiKey, gate, timeoutMs: 15_000 })),
  );
}

/** One `SchedHttp` (and one gate) per environment; the API key is read from the keychain once, when first needed. */
export class SchedClients {
  private http?: Promise<SchedHttp>;

  constructor(private readonly sched: { base_url: string; apiKey(): Promise<string | null> }) {}

  async directory(): Promise<SchedDirectory> {
    return new SchedApiDirectory(new SchedRegistryClient(await this.open()));
  }

  async provider(resource: SchedResource): Promise<SchedCalendarProvider> {
    return new SchedCalendarProvider({ http: await this.open(), resource });
  }

  /** The Sched side of a connection: the resource's bookings and availability exceptions (SYNC.md, "Availability"). */
  async resourceProvider(
    resource: SchedResource,
    settings: Pick<SyncSettings, 'inbound_as' | 'privacy'>,
    calendar?: { calendarService: string; calendarId: string },
  ): Promise<SchedResourceProvider> {
    const http = await this.open();
    return new SchedResourceProvider({
      bookings: new SchedCalendarProvider({ http, resource }),
      exceptions: new SchedExceptionsProvider({ http, resource }),
      // Only a remap's cancellations go there: no all-day date is read, so this resource's zone serves.
      exceptionsOf: (id) =>
        new SchedExceptionsProvider({ http, resource: { id, timezone: resource.timezone } }),
      inboundAs: settings.inbound_as,
      privacy: settings.privacy,
      ...(calendar ? { calendar } : {}),
    });
  }

  private open(): Promise<SchedHttp> {
    this.http ??= this.sched.apiKey().then((apiKey) => {
      if (!apiKey) {
        this.http = undefined;
        throw new AgentError(
          'unavailable',
          'The Sched API key is missing from the keychain. Enter it again in Settings.',
        );
      }
      return new SchedHttp({ baseUrl: this.sched.base_url, apiKey, gate: createSchedGate() });
    });
    return this.http;
  }
}
