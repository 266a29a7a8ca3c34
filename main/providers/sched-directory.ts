/**
 * The `SchedDirectory` port: Sched's resources and its Connected Calendars registry, where the agent registers each
 * connection so Sched shows its `sync_status`. Tokens stay on this device (shared/API.md §3).
 */
import type { CalendarService, SchedResource, SyncSettings, SyncStatus } from '../../preload/contract';
import type { DeviceRef } from './calendar-held-elsewhere';

/** A Connected Calendar's holder as Sched lists it (`device` null: nobody holds it). */
export interface CalendarHolder {
  calendar_id: string;
  device: DeviceRef | null;
  connected_at: string | null;
}

/** Sched's resources and its Connected Calendars registry (the agent registers; tokens stay on this device). */
export interface SchedDirectory {
  listResources(): Promise<SchedResource[]>;
  registerCalendar(input: {
    resource_id: string;
    calendar_service: CalendarService;
    calendar_id: string;
    device?: DeviceRef;
    takeover?: boolean;
  }): Promise<void>;
  /** Throws `CalendarHeldElsewhereError` when `device` no longer holds the calendar. */
  updateCalendar(
    calendarId: string,
    input: {
      sync_settings?: SyncSettings;
      sync_status?: SyncStatus;
      resource_id?: string;
      device?: DeviceRef;
    },
  ): Promise<void>;
  /** `GET /calendars`: who holds each connected calendar (one request for all). */
  listHolders(): Promise<CalendarHolder[]>;
  unregisterCalendar(calendarId: string): Promise<void>;
}
