/** Sched's data as the sandbox keeps it: plain JSON, the whole of it in one snapshot. */

/** A bookable resource (room, doctor, classroom…). `image_url`/`booking_url` starting with `/` are below the sandbox URL. */
export interface Resource {
  id: string;
  name: string;
  description: string;
  image_url: string;
  google_calendar_id: string | null;
  booking_url: string;
  timezone: string;
}

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'completed';

/** Where a booking came from when the agent imported it from a calendar. */
export interface BookingSource {
  calendar_service: 'google' | 'microsoft';
  calendar_id: string;
  event_id: string;
}

export interface BookingClient {
  name?: string;
  email?: string;
}

/** A booking as the API returns it (API.md §3). */
export interface Booking {
  id: string;
  resource_id: string;
  title: string;
  description: string;
  /** RFC 3339 in UTC, or a date (`YYYY-MM-DD`) for all-day bookings; `end` is exclusive. */
  start: string;
  end: string;
  all_day: boolean;
  timezone: string;
  status: BookingStatus;
  client: BookingClient | null;
  source: BookingSource | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type ExceptionStatus = 'active' | 'cancelled';

/**
 * An availability exception (API.md §3): time a resource cannot be booked, such as a holiday, maintenance,
 * time off, or time blocked by a connected calendar (then `source` names the event). Cancelled ones stay so
 * change feeds can report them.
 */
export interface AvailabilityException {
  id: string;
  resource_id: string;
  /** RFC 3339 in UTC, or a date (`YYYY-MM-DD`) when `all_day`; `end` is exclusive. */
  start: string;
  end: string;
  all_day: boolean;
  timezone: string;
  /** Free text a person reads ("Public holiday", "maintenance"); empty when none was given. */
  reason: string;
  source: BookingSource | null;
  status: ExceptionStatus;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The device (an agent install) that syncs a connected calendar. */
export interface ConnectionDevice {
  id: string;
  name: string;
}

/** The statuses Sched shows for a connected calendar (API.md §3, the agent's `sync_status`). */
export const SYNC_STATUSES = [
  'active',
  'syncing',
  'paused',
  'error',
  'reauth_required',
  'needs_review',
] as const;

export type ConnectionSyncStatus = (typeof SYNC_STATUSES)[number];

/** A Connected Calendar registration (Sched's `/calendars`). Tokens are never kept. */
export interface Connection {
  resource_id: string;
  calendar_service: 'google' | 'microsoft';
  calendar_id: string;
  sync_status: ConnectionSyncStatus;
  sync_settings: Record<string, unknown>;
  /** The device that holds the calendar; null when it was connected without one. */
  device: ConnectionDevice | null;
  /** When the holder connected it (RFC 3339 UTC, from the sandbox clock). */
  connected_at: string;
}

/** The whole state of the Sched stand-in. */
export interface SchedState {
  /** Changes on every reset so sync and page tokens from an earlier world answer 410/400. */
  epoch: string;
  /** The sequence number the next change gets. */
  next_seq: number;
  resources: Resource[];
  bookings: Record<string, Booking>;
  /** The sequence number of each booking's last change, for the `sync_token` feed. */
  changed_at_seq: Record<string, number>;
  /**
   * Booking id → resource id → the sequence number at which the booking moved away from that resource, so the
   * old resource's `sync_token` feed can show the booking leaving it (with its new `resource_id`).
   */
  departed: Record<string, Record<string, number>>;
  /** Idempotency-Key → the booking it created and a fingerprint of the request body. */
  idempotency: Record<string, { booking_id: string; fingerprint: string }>;
  calendars: Connection[];
  exceptions: Record<string, AvailabilityException>;
  /** The sequence number of each exception's last change, for its `sync_token` feed. */
  exception_changed_at_seq: Record<string, number>;
  /** Idempotency-Key → the exception it created (keys are their own space, apart from bookings'). */
  exception_idempotency: Record<string, { exception_id: string; fingerprint: string }>;
}

/** A state with nothing in it. */
export function emptySchedState(epoch: string): SchedState {
  return {
    epoch,
    next_seq: 1,
    resources: [],
    bookings: {},
    changed_at_seq: {},
    departed: {},
    idempotency: {},
    calendars: [],
    exceptions: {},
    exception_changed_at_seq: {},
    exception_idempotency: {},
  };
}
