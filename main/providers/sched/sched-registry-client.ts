/**
 * Sched's resources and its Connected Calendars registry (shared/API.md §3): the agent registers each connection
 * so Sched shows its `sync_status`; no token is ever sent (tokens stay on the device).
 */
import { CalendarHeldElsewhereError } from '../calendar-held-elsewhere';
import { NotFoundError } from '../port';
import type { SchedHttpError } from './sched-errors';
import type { SchedHttp } from './sched-http';
import type {
  ConnectCalendarBody,
  ConnectedCalendarWire,
  SchedResourceWire,
  UpdateCalendarBody,
} from './sched-wire';

/** Sched's 409 `calendar_connected_elsewhere` as a typed error naming the holder. */
function heldElsewhere(error: SchedHttpError, calendarId: string): Error | undefined {
  if (error.status !== 409 || error.errorCode !== 'calendar_connected_elsewhere') return undefined;
  const device = error.body.device as { id?: unknown; name?: unknown } | undefined;
  const holder = {
    id: typeof device?.id === 'string' ? device.id : 'another device',
    name: typeof device?.name === 'string' ? device.name : '',
  };
  const since = typeof error.body.connected_at === 'string' ? error.body.connected_at : null;
  return new CalendarHeldElsewhereError(calendarId, holder, since);
}

/** One Sched account's resources and Connected Calendars, over its `SchedHttp`. */
export class SchedRegistryClient {
  constructor(readonly http: SchedHttp) {}

  /** HTTP requests sent through this client's `SchedHttp`, every retry counted. */
  requestCount(): number {
    return this.http.requestCount();
  }

  /** `GET /resources`. */
  async listResources(): Promise<SchedResourceWire[]> {
    const answer = await this.http.send<{ resources?: SchedResourceWire[] }>('list resources', {
      method: 'GET',
      path: '/resources',
    });
    return answer.resources ?? [];
  }

  /** `POST /calendars/connect`, without a token (tokens stay on the device). */
  connectCalendar(body: ConnectCalendarBody): Promise<ConnectedCalendarWire> {
    return this.http.send<ConnectedCalendarWire>('register a connected calendar', {
      method: 'POST',
      path: '/calendars/connect',
      body,
      special: (error) => heldElsewhere(error, body.calendar_id),
    });
  }

  /** `GET /calendars`. */
  async listCalendars(): Promise<ConnectedCalendarWire[]> {
    const answer = await this.http.send<{ calendars?: ConnectedCalendarWire[] }>('list connected calendars', {
      method: 'GET',
      path: '/calendars',
    });
    return answer.calendars ?? [];
  }

  /** `PUT /calendars/{calendar_id}`; 404 (not registered) is `NotFoundError`. */
  updateCalendar(calendarId: string, body: UpdateCalendarBody): Promise<ConnectedCalendarWire> {
    return this.http.send<ConnectedCalendarWire>('update a connected calendar', {
      method: 'PUT',
      path: `/calendars/${encodeURIComponent(calendarId)}`,
      body,
      special: (error) =>
        error.status === 404 ? new NotFoundError(calendarId) : heldElsewhere(error, calendarId),
    });
  }

  /** `DELETE /calendars/{calendar_id}` → Sched's message; 404 (not registered) is `NotFoundError`. */
  disconnectCalendar(calendarId: string): Promise<{ message?: string }> {
    return this.http.send<{ message?: string }>('disconnect a calendar', {
      method: 'DELETE',
      path: `/calendars/${encodeURIComponent(calendarId)}`,
      special: (error) => (error.status === 404 ? new NotFoundError(calendarId) : undefined),
    });
  }
}
