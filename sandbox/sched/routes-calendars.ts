/**
 * Sched's Connected Calendars endpoints, shaped as Sched documents them (`/work/shared/sched-docs/
 * connected-calendars.txt`) plus the device fields of API.md §3: one device syncs a calendar at a time, another
 * is told who holds it and since when (409 `calendar_connected_elsewhere`) unless it asks to take it over.
 * OAuth tokens are accepted and dropped: the agent keeps its tokens on the device and sends none.
 */
import type { Route, SandboxContext, SandboxResponse } from '../core/types';
import {
  checkCalendarId,
  checkDevice,
  checkResource,
  checkService,
  checkSettings,
  checkStatus,
  checkTakeover,
  checkToken,
  isRecord,
} from './calendar-input';
import { ApiFailure, FieldError, schedError } from './errors';
import type { Connection, ConnectionDevice, SchedState } from './model';
import { toUtcString } from './time';

/**
 * A connection as `GET /calendars` lists it. `device` and `connected_at` describe who holds the calendar, so a
 * connection registered without a device (nobody holds it) lists neither, exactly as Sched documents it.
 */
function listed(connection: Connection): Record<string, unknown> {
  const { resource_id, calendar_service, calendar_id, sync_status } = connection;
  const shown: Record<string, unknown> = { resource_id, calendar_service, calendar_id, sync_status };
  if (connection.device) {
    shown.device = connection.device;
    shown.connected_at = connection.connected_at;
  }
  return shown;
}

/** True when `device` (or no device at all) is not the one holding the connection. */
function heldElsewhere(connection: Connection, device: ConnectionDevice | undefined): boolean {
  const holder = connection.device ?? null;
  // Nobody holds a calendar connected without a device, so any device may claim it.
  if (holder === null) return false;
  return device?.id !== holder.id;
}

function connectedElsewhere(connection: Connection): SandboxResponse {
  const holder = connection.device as ConnectionDevice;
  const who = holder.name ? `"${holder.name}"` : holder.id;
  return {
    status: 409,
    body: {
      error: {
        code: 'calendar_connected_elsewhere',
        message:
          `Calendar ${connection.calendar_id} is synced by device ${who} since ${connection.connected_at}; ` +
          'send takeover: true to sync it from this device instead.',
        device: holder,
        connected_at: connection.connected_at,
      },
    },
  };
}

/** The `/v1/calendars` routes. */
export function calendarRoutes(
  state: () => SchedState,
  ctx: Pick<SandboxContext, 'changed' | 'now'>,
): Route[] {
  const find = (id: string): Connection => {
    const connection = state().calendars.find((candidate) => candidate.calendar_id === id);
    if (!connection) {
      throw new ApiFailure(schedError(404, 'not_found', `Calendar ${id} is not connected.`));
    }
    return connection;
  };
  const now = (): string => toUtcString(ctx.now());
  return [
    {
      method: 'POST',
      pattern: '/v1/calendars/connect',
      handler: (req) => {
        if (!isRecord(req.body)) throw new FieldError('body', 'send a JSON object.');
        const body = req.body;
        const resourceId = checkResource(state(), body.resource_id);
        const service = checkService(body.calendar_service);
        const calendarId = checkCalendarId(body.calendar_id);
        checkToken(body.oauth_token);
        const settings = checkSettings(body.sync_settings);
        const device = checkDevice(body.device);
        const takeover = checkTakeover(body.takeover);
        const fresh = (): Connection => ({
          resource_id: resourceId,
          calendar_service: service,
          calendar_id: calendarId,
          sync_status: 'active',
          sync_settings: settings ?? {},
          device: device ?? null,
          connected_at: now(),
        });
        const calendars = state().calendars;
        const existing = calendars.find((candidate) => candidate.calendar_id === calendarId);
        if (!existing) {
          const connection = fresh();
          calendars.push(connection);
          ctx.changed();
          return { status: 201, body: listed(connection) };
        }
        if (heldElsewhere(existing, device)) {
          if (!takeover) return connectedElsewhere(existing);
          // A takeover replaces the registration as a whole: the new device's mapping, settings and time.
          const connection = fresh();
          calendars.splice(calendars.indexOf(existing), 1, connection);
          ctx.changed();
          return { status: 200, body: listed(connection) };
        }
        if (existing.resource_id !== resourceId || existing.calendar_service !== service) {
          return schedError(
            409,
            'calendar_already_connected',
            `Calendar ${existing.calendar_id} is already connected to resource ${existing.resource_id}.`,
          );
        }
        // The same device connecting the same pair again is a retry, not a second connection.
        if (settings) existing.sync_settings = settings;
        if (device) {
          // Claiming a calendar nobody held starts this device's hold now.
          if (!existing.device) existing.connected_at = now();
          existing.device = device;
        }
        ctx.changed();
        return { status: 200, body: listed(existing) };
      },
    },
    {
      method: 'GET',
      pattern: '/v1/calendars',
      handler: () => ({ status: 200, body: { calendars: state().calendars.map(listed) } }),
    },
    {
      method: 'PUT',
      pattern: '/v1/calendars/:calendar_id',
      handler: (req) => {
        if (!isRecord(req.body)) throw new FieldError('body', 'send a JSON object.');
        const body = req.body;
        const connection = find(req.params.calendar_id ?? '');
        checkToken(body.oauth_token);
        const settings = checkSettings(body.sync_settings);
        const resourceId =
          body.resource_id === undefined ? undefined : checkResource(state(), body.resource_id);
        const status = checkStatus(body.sync_status);
        const device = checkDevice(body.device);
        // A device that was taken over must not overwrite what the new holder shows.
        if (device && heldElsewhere(connection, device)) return connectedElsewhere(connection);
        if (settings) connection.sync_settings = { ...connection.sync_settings, ...settings };
        if (resourceId) connection.resource_id = resourceId;
        if (status) connection.sync_status = status;
        ctx.changed();
        return { status: 200, body: { ...listed(connection), sync_settings: connection.sync_settings } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/calendars/:calendar_id',
      handler: (req) => {
        const connection = find(req.params.calendar_id ?? '');
        const calendars = state().calendars;
        calendars.splice(calendars.indexOf(connection), 1);
        ctx.changed();
        return { status: 200, body: { message: 'Calendar disconnected successfully.' } };
      },
    },
  ];
}
