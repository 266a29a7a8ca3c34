/**
 * The Google stand-in's state with the rules every write follows: one global change counter
 * (etags, sync tokens), `updated` from the sandbox clock, and `changed()` so the server saves.
 */
import type { SandboxContext } from '../core/types';
import { notFound } from './errors';
import { emptyState, type GoogleState, type StoredCalendar, type StoredEvent } from './model';
import { occurrenceByStamp, type Occurrence } from './recurrence';

/** An instance id split into its series and stamp, with the series and the occurrence it names. */
export interface InstanceRef {
  series: StoredEvent;
  occurrence: Occurrence;
}

/** Owns the state object; everything else reads through it and writes with `save`. */
export class EventStore {
  state: GoogleState;

  constructor(private readonly ctx: Pick<SandboxContext, 'now' | 'changed'>) {
    this.state = emptyState(EventStore.newEpoch(ctx.now()));
  }

  /** A fresh epoch string; tokens carry it, so a new one expires every older sync token. */
  static newEpoch(now: Date): string {
    return `${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  /** The sandbox clock as Google writes timestamps (milliseconds, Z). */
  nowIso(): string {
    return this.ctx.now().toISOString();
  }

  /** A calendar the user may see, `primary` meaning their own; 404 for anything else, as Google does. */
  calendarFor(user: string, calendarId: string): StoredCalendar {
    const id = calendarId === 'primary' ? user : calendarId;
    const calendar = this.state.calendars[id];
    if (!calendar || calendar.owner !== user) throw notFound();
    return calendar;
  }

  /** The user's calendars, primary first. */
  calendarsOf(user: string): StoredCalendar[] {
    return Object.values(this.state.calendars)
      .filter((calendar) => calendar.owner === user)
      .sort((a, b) => Number(b.primary) - Number(a.primary) || a.id.localeCompare(b.id));
  }

  /** Adds or replaces a calendar. */
  putCalendar(calendar: StoredCalendar): void {
    this.state.calendars[calendar.id] = calendar;
    this.state.events[calendar.id] ??= {};
    this.ctx.changed();
  }

  /** Every stored record of a calendar: events, series and exceptions. */
  records(calendarId: string): StoredEvent[] {
    return Object.values(this.state.events[calendarId] ?? {});
  }

  /** One stored record by id, or undefined. */
  record(calendarId: string, eventId: string): StoredEvent | undefined {
    return this.state.events[calendarId]?.[eventId];
  }

  /** Stored exceptions of a series, by instance stamp. */
  exceptionsOf(series: StoredEvent): Map<string, StoredEvent> {
    const out = new Map<string, StoredEvent>();
    for (const record of this.records(series.calendarId)) {
      if (record.recurringEventId === series.id) out.set(record.id.slice(series.id.length + 1), record);
    }
    return out;
  }

  /** Resolves `<seriesId>_<stamp>` to a series and a real occurrence of it; null when it names none. */
  instanceRef(calendar: StoredCalendar, eventId: string): InstanceRef | null {
    const cut = eventId.lastIndexOf('_');
    if (cut <= 0) return null;
    const series = this.record(calendar.id, eventId.slice(0, cut));
    if (!series?.recurrence) return null;
    const occurrence = occurrenceByStamp(series, calendar.timeZone, eventId.slice(cut + 1));
    return occurrence ? { series, occurrence } : null;
  }

  /** Stamps a record as written now (new change number, `updated`) and stores it. */
  save(record: StoredEvent, options: { touchUpdated?: boolean } = {}): StoredEvent {
    this.state.seq += 1;
    record.changeSeq = this.state.seq;
    if (options.touchUpdated !== false) record.updated = this.nowIso();
    (this.state.events[record.calendarId] ??= {})[record.id] = record;
    this.ctx.changed();
    return record;
  }

  /** The next creation number, for stable list order. */
  nextCreatedSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  /** Forgets everything and starts a new epoch. */
  clear(): void {
    this.state = emptyState(EventStore.newEpoch(this.ctx.now()));
    this.ctx.changed();
  }
}
