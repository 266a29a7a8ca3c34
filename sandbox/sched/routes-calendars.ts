/**
 * Sched's Connected Calendars endpoints, shaped exactly as Sched documents them
 * (`/work/shared/sched-docs/connected-calendars.txt`). OAuth tokens are accepted and dropped: the agent keeps
 * its tokens on the device and sends none.
 */
import type { Route, SandboxContext } from '../core/types';
import { ApiFailure, FieldError, schedError } from './errors';
import type { Connection, SchedState } from './model';

const SERVICES = ['google', 'microsoft'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listed(connection: Connection): Record<string, unknown> {
  const { resource_id, calendar_service, calendar_id, sync_status } = connection;
  return { resource_id, calendar_service, calendar_id, sync_status };
}

function checkResource(state: SchedState, id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw new FieldError('resource_id', 'is required.');
  if (!state.resources.some((resource) => resource.id === id)) {
    throw new FieldError('resource_id', `no resource with id ${id}.`);
  }
  return id;
}

function checkSettings(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new FieldError('sync_settings', 'must be an object.');
  return value;
}

function checkToken(value: unknown): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new FieldError('oauth_token', 'must be a string when given.');
  }
}

/** The `/v1/calendars` routes. */
export function calendarRoutes(state: () => SchedState, ctx: Pick<SandboxContext, 'changed'>): Route[] {
  const find = (id: string): Connection => {
    const connection = state().calendars.find((candidate) => candidate.calendar_id === id);
    if (!connection) {
      throw new ApiFailure(schedError(404, 'not_found', `Calendar ${id} is not connected.`));
    }
    return connection;
  };
  return [
    {
      method: 'POST',
      pattern: '/v1/calendars/connect',
      handler: (req) => {
        if (!isRecord(req.body)) throw new FieldError('body', 'send a JSON object.');
        const body = req.body;
        const resourceId = checkResource(state(), body.resource_id);
        if (!SERVICES.includes(body.calendar_service as (typeof SERVICES)[number])) {
          throw new FieldError('calendar_service', 'must be "google" or "microsoft".');
        }
        if (typeof body.calendar_id !== 'string' || body.calendar_id.length === 0) {
          throw new FieldError('calendar_id', 'is required.');
        }
        checkToken(body.oauth_token);
        const settings = checkSettings(body.sync_settings);
        const service = body.calendar_service as Connection['calendar_service'];
        const existing = state().calendars.find((candidate) => candidate.calendar_id === body.calendar_id);
        if (existing) {
          if (existing.resource_id !== resourceId || existing.calendar_service !== service) {
            return schedError(
              409,
              'calendar_already_connected',
              `Calendar ${existing.calendar_id} is already connected to resource ${existing.resource_id}.`,
            );
          }
          // Connecting the same pair again is a retry, not a second connection.
          if (settings) existing.sync_settings = settings;
          ctx.changed();
          return { status: 200, body: listed(existing) };
        }
        const connection: Connection = {
          resource_id: resourceId,
          calendar_service: service,
          calendar_id: body.calendar_id,
          sync_status: 'active',
          sync_settings: settings ?? {},
        };
        state().calendars.push(connection);
        ctx.changed();
        return { status: 201, body: listed(connection) };
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
        if (
          body.sync_status !== undefined &&
          (typeof body.sync_status !== 'string' || body.sync_status === '')
        ) {
          throw new FieldError('sync_status', 'must be a non-empty string.');
        }
        if (settings) connection.sync_settings = { ...connection.sync_settings, ...settings };
        if (resourceId) connection.resource_id = resourceId;
        if (typeof body.sync_status === 'string') connection.sync_status = body.sync_status;
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
