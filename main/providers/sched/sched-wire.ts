/**
 * Sched's JSON as it travels (shared/API.md §3): snake_case, times in RFC 3339. Only the adapter sees these
 * shapes; the engine sees `SyncItem`s and the agent the contract's `SchedResource`.
 */

/** A bookable resource (`GET /resources`). */
export interface SchedResourceWire {
  id: string;
  name: string;
  description?: string | null;
  image_url?: string | null;
  google_calendar_id?: string | null;
  booking_url?: string | null;
  timezone: string;
}

/** A booking's lifecycle; `cancelled` is what `DELETE /bookings/{id}` leaves behind. */
export type SchedBookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'completed';

/** Where a booking came from when the agent imported it from an external calendar. */
export interface SchedBookingSource {
  calendar_service: 'google' | 'microsoft';
  calendar_id: string;
  event_id: string;
}

/** A booking as Sched returns it. */
export interface SchedBooking {
  id: string;
  resource_id: string;
  title: string;
  description?: string | null;
  /** RFC 3339 instant, or a date (`YYYY-MM-DD`) on an all-day booking; `end` is exclusive. */
  start: string;
  end: string;
  all_day?: boolean;
  timezone?: string | null;
  status: SchedBookingStatus;
  client?: { name?: string; email?: string } | null;
  source?: SchedBookingSource | null;
  version: number | string;
  created_at?: string;
  updated_at?: string;
}

/** The writable fields of `POST /bookings` and `PUT /bookings/{id}`. */
export interface SchedBookingWrite {
  resource_id?: string;
  title?: string;
  description?: string;
  start?: string;
  end?: string;
  all_day?: boolean;
  timezone?: string;
  status?: SchedBookingStatus;
  client?: { name?: string; email?: string };
  source?: SchedBookingSource;
  allow_overlap?: boolean;
}

/** The query of `GET /bookings`: a window, or a change feed from `sync_token`, plus the page to read. */
export interface BookingListQuery {
  resource_id?: string;
  time_min?: string;
  time_max?: string;
  sync_token?: string;
  page_token?: string;
  max_results?: number;
}

/** One page of `GET /bookings`; `next_sync_token` comes on the last page only. */
export interface BookingPage {
  bookings: SchedBooking[];
  next_page_token?: string | null;
  next_sync_token?: string | null;
}

/** A Connected Calendar registration as `GET /calendars` lists it. */
export interface ConnectedCalendarWire {
  resource_id: string;
  calendar_service: 'google' | 'microsoft';
  calendar_id: string;
  sync_status: string;
  sync_settings?: Record<string, unknown>;
  /** The device that holds the calendar (absent: nobody), and since when. */
  device?: SchedDevice;
  connected_at?: string;
}

/** An agent install as Sched's Connected Calendars knows it (API.md §3). */
export interface SchedDevice {
  id: string;
  name: string;
}

/** `POST /calendars/connect`. The agent sends no `oauth_token`: tokens stay on the device. */
export interface ConnectCalendarBody {
  resource_id: string;
  calendar_service: 'google' | 'microsoft';
  calendar_id: string;
  sync_settings?: Record<string, unknown>;
  device?: SchedDevice;
  /** Take the calendar over from the device that holds it. */
  takeover?: boolean;
}

/** `PUT /calendars/{calendar_id}`. */
export interface UpdateCalendarBody {
  sync_settings?: Record<string, unknown>;
  sync_status?: string;
  resource_id?: string;
  /** The device sending the update: Sched refuses one that no longer holds the calendar (409). */
  device?: SchedDevice;
}

/** An availability exception's lifecycle; `cancelled` is what `DELETE …/exceptions/{id}` leaves behind. */
export type SchedExceptionStatus = 'active' | 'cancelled';

/** An availability exception as Sched returns it (shared/API.md §3): blocked time with a reason, no title. */
export interface SchedException {
  id: string;
  resource_id: string;
  /** RFC 3339 instant, or a date (`YYYY-MM-DD`) when `all_day`; `end` is exclusive. */
  start: string;
  end: string;
  all_day?: boolean;
  timezone?: string | null;
  reason?: string | null;
  source?: SchedBookingSource | null;
  status: SchedExceptionStatus;
  version: number | string;
  created_at?: string;
  updated_at?: string;
}

/** The writable fields of `POST` and `PUT …/availability/exceptions`. */
export interface SchedExceptionWrite {
  start?: string;
  end?: string;
  all_day?: boolean;
  timezone?: string;
  reason?: string;
  source?: SchedBookingSource;
  status?: SchedExceptionStatus;
}

/** The query of `GET …/availability/exceptions`: a window, or a change feed from `sync_token`, plus the page. */
export interface ExceptionListQuery {
  time_min?: string;
  time_max?: string;
  sync_token?: string;
  page_token?: string;
  max_results?: number;
}

/** One page of `GET …/availability/exceptions`; `next_sync_token` comes on the last page only. */
export interface ExceptionPage {
  exceptions: SchedException[];
  next_page_token?: string | null;
  next_sync_token?: string | null;
}
