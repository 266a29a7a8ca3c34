/**
 * The `SchedDirectory` port (main/providers/sched-directory.ts) over Sched's REST API: its resources and the
 * Connected Calendars registry, where the agent registers each connection so Sched shows its `sync_status`. No OAuth
 * token is ever sent: tokens stay in this device's keychain (shared/API.md §3).
 */
import type { CalendarService, SchedResource, SyncSettings, SyncStatus } from '../../../preload/contract';
import type { DeviceRef } from '../calendar-held-elsewhere';
import type { CalendarHolder, SchedDirectory } from '../sched-directory';
import type { SchedRegistryClient } from './sched-registry-client';
import type { SchedResourceWire, UpdateCalendarBody } from './sched-wire';

/** A resource as the agent's contract shows it. */
export function resourceFromWire(resource: SchedResourceWire): SchedResource {
  return {
    id: resource.id,
    name: resource.name,
    description: resource.description ?? '',
    timezone: resource.timezone,
    image_url: resource.image_url ?? null,
    booking_url: resource.booking_url ?? null,
  };
}

/** `SchedDirectory` over Sched's REST API. */
export class SchedApiDirectory implements SchedDirectory {
  constructor(private readonly client: SchedRegistryClient) {}

  async listResources(): Promise<SchedResource[]> {
    return (await this.client.listResources()).map(resourceFromWire);
  }

  /** `POST /calendars/connect`; registering the same pair again is a harmless retry on Sched's side. */
  async registerCalendar(input: {
    resource_id: string;
    calendar_service: CalendarService;
    calendar_id: string;
    device?: DeviceRef;
    takeover?: boolean;
  }): Promise<void> {
    await this.client.connectCalendar({
      resource_id: input.resource_id,
      calendar_service: input.calendar_service,
      calendar_id: input.calendar_id,
      ...(input.device ? { device: { ...input.device } } : {}),
      ...(input.takeover ? { takeover: true } : {}),
    });
  }

  async listHolders(): Promise<CalendarHolder[]> {
    return (await this.client.listCalendars()).map((calendar) => ({
      calendar_id: calendar.calendar_id,
      device: calendar.device ? { id: calendar.device.id, name: calendar.device.name } : null,
      connected_at: calendar.connected_at ?? null,
    }));
  }

  /** `PUT /calendars/{calendar_id}` with only the fields given; `NotFoundError` when Sched has no such calendar. */
  async updateCalendar(
    calendarId: string,
    input: {
      sync_settings?: SyncSettings;
      sync_status?: SyncStatus;
      resource_id?: string;
      device?: DeviceRef;
    },
  ): Promise<void> {
    const body: UpdateCalendarBody = {};
    if (input.sync_settings !== undefined) body.sync_settings = { ...input.sync_settings };
    if (input.sync_status !== undefined) body.sync_status = input.sync_status;
    if (input.resource_id !== undefined) body.resource_id = input.resource_id;
    if (input.device !== undefined) body.device = { ...input.device };
    await this.client.updateCalendar(calendarId, body);
  }

  /** `DELETE /calendars/{calendar_id}`; `NotFoundError` when it was not registered, which the agent may ignore. */
  async unregisterCalendar(calendarId: string): Promise<void> {
    await this.client.disconnectCalendar(calendarId);
  }
}
