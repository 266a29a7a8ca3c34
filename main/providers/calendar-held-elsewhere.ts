/**
 * One device per calendar (shared/SYNC.md, "Changing a connection"): Sched's 409 `calendar_connected_elsewhere`,
 * as a value the agent can word for a person: which device holds the calendar, and since when.
 */
import { AppError } from '../errors/app-error';

/** The device (an agent install) that syncs a calendar. */
export interface DeviceRef {
  id: string;
  name: string;
}

/** Sched answered that another device holds the calendar (on connect without takeover, or on a status update). */
export class CalendarHeldElsewhereError extends AppError {
  constructor(
    readonly calendarId: string,
    /** The holder; its name may be empty. */
    readonly holder: DeviceRef,
    /** When the holder connected it (RFC 3339), or null when Sched did not say. */
    readonly since: string | null,
  ) {
    super(
      'conflict',
      `${calendarId} is synced by ${holderName(holder)}${since ? ` since ${since}` : ''}. Take it over to sync it here.`,
    );
  }
}

/** The holder as a person reads it: its name, else its id. */
export function holderName(holder: DeviceRef): string {
  return holder.name.trim() !== '' ? holder.name : holder.id;
}

/** "1 Dec 2026, 09:12" in `timeZone`: how a person is told since when another device holds a calendar. */
export function heldSince(since: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(since));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}
