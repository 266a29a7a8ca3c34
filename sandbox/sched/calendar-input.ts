/** Checks the bodies of Sched's Connected Calendars requests; every failure names the field to fix. */
import { FieldError } from './errors';
import {
  SYNC_STATUSES,
  type Connection,
  type ConnectionDevice,
  type ConnectionSyncStatus,
  type SchedState,
} from './model';

const SERVICES = ['google', 'microsoft'] as const;

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `resource_id` that names one of Sched's resources. */
export function checkResource(state: SchedState, id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw new FieldError('resource_id', 'is required.');
  if (!state.resources.some((resource) => resource.id === id)) {
    throw new FieldError('resource_id', `no resource with id ${id}.`);
  }
  return id;
}

/** `calendar_service`: google or microsoft. */
export function checkService(value: unknown): Connection['calendar_service'] {
  if (!SERVICES.includes(value as (typeof SERVICES)[number])) {
    throw new FieldError('calendar_service', 'must be "google" or "microsoft".');
  }
  return value as Connection['calendar_service'];
}

/** `sync_settings`, an object Sched keeps as it is. */
export function checkSettings(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new FieldError('sync_settings', 'must be an object.');
  return value;
}

/** `oauth_token` is documented, accepted and dropped: the agent keeps its tokens on the device. */
export function checkToken(value: unknown): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new FieldError('oauth_token', 'must be a string when given.');
  }
}

/** `device: {id, name}`, the agent install that syncs the calendar; undefined when not sent. */
export function checkDevice(value: unknown): ConnectionDevice | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new FieldError('device', 'must be an object with id and name.');
  if (typeof value.id !== 'string' || value.id.trim().length === 0 || value.id.length > 200) {
    throw new FieldError('device.id', 'must be a non-empty string of at most 200 characters.');
  }
  if (value.name !== undefined && (typeof value.name !== 'string' || value.name.length > 200)) {
    throw new FieldError('device.name', 'must be a string of at most 200 characters.');
  }
  return { id: value.id, name: typeof value.name === 'string' ? value.name : '' };
}

/** `takeover`, true to take a calendar from the device that holds it. */
export function checkTakeover(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new FieldError('takeover', 'must be true or false.');
  return value;
}

/** `sync_status`, one of the statuses Sched shows; undefined when not sent. */
export function checkStatus(value: unknown): ConnectionSyncStatus | undefined {
  if (value === undefined) return undefined;
  if (!SYNC_STATUSES.includes(value as ConnectionSyncStatus)) {
    throw new FieldError('sync_status', `must be one of ${SYNC_STATUSES.join(', ')}.`);
  }
  return value as ConnectionSyncStatus;
}

/** `calendar_id`, required on connect. */
export function checkCalendarId(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw new FieldError('calendar_id', 'is required.');
  return value;
}
