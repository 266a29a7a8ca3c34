/**
 * The `SchedDirectory` port: Sched's resources and its Connected Calendars registry, where the agent registers each
 * connection so Sched shows its `sync_status`. Tokens stay on this device (shared/API.md §3).
 */
import type { CalendarService, SchedResource, SyncSettings, SyncStatus } from '../../preload/contract';

/** Sched's resources and its Connected Calendars registry (the agent registers; tokens stay on this device). */
export interface SchedDirectory {
  listResources(): Promise<SchedResource[]>;
  registerCalendar(input: {
    resource_id: string;
    calendar_service: CalendarService;
    calendar_id: string;
  }): Promise<void>;
  updateCalendar(
    calendarId: string,
    input: { sync_settings?: SyncSettings; sync_status?: SyncStatus; resource_id?: string },
  ): Promise<void>;
  unregisterCalendar(calendarId: string): Promise<void>;
}
