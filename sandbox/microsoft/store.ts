/**
 * The mailboxes and their writes. Every write bumps the mailbox's change sequence and the item's
 * changeKey, stamps lastModifiedDateTime from the sandbox clock and tells the sandbox to save.
 */
import type { SandboxContext } from '../core/types';
import type { EventFields } from './event-input';
import { findInstance } from './instances';
import type { Instance } from './instances';
import { emptyState, newChangeKey, newId } from './model';
import type { GraphState, Mailbox, StoredCalendar, StoredEvent } from './model';
import { graphTimestamp } from './time-zones';

/** Most delta/skip tokens kept; older rounds answer 410 and the client starts a full sync. */
const MAX_TOKENS = 500;

const COLORS: Array<[string, string]> = [
  ['auto', ''],
  ['lightBlue', '#4f8fe5'],
  ['lightGreen', '#46b47c'],
  ['lightOrange', '#e8a13a'],
];

export class GraphStore {
  state: GraphState = emptyState();

  constructor(private readonly ctx: SandboxContext) {}

  /** The user's mailbox, created with its default calendar on first use (every licensed user has one). */
  mailbox(user: string): Mailbox {
    const key = user.toLowerCase();
    let mailbox = this.state.mailboxes[key];
    if (!mailbox) {
      mailbox = { owner: key, calendars: [], events: {}, transactions: {}, seq: 0 };
      this.state.mailboxes[key] = mailbox;
      this.addCalendar(mailbox, 'Calendar', true);
    }
    return mailbox;
  }

  /** Adds a calendar to a mailbox. */
  addCalendar(mailbox: Mailbox, name: string, isDefault = false): StoredCalendar {
    const [color, hexColor] = COLORS[mailbox.calendars.length % COLORS.length]!;
    const calendar = {
      id: newId('calendar'),
      name,
      color,
      hexColor,
      isDefaultCalendar: isDefault,
      changeKey: '',
    };
    calendar.changeKey = newChangeKey(calendar.id, 0);
    mailbox.calendars.push(calendar);
    this.ctx.changed();
    return calendar;
  }

  /** A calendar by id (`calendar` style aliases are resolved by the routes). */
  calendar(mailbox: Mailbox, id: string): StoredCalendar | null {
    return mailbox.calendars.find((c) => c.id === id) ?? null;
  }

  defaultCalendar(mailbox: Mailbox): StoredCalendar {
    return mailbox.calendars.find((c) => c.isDefaultCalendar) ?? mailbox.calendars[0]!;
  }

  /** The event a create with this transactionId made earlier in this calendar, if it still exists. */
  byTransaction(mailbox: Mailbox, calendarId: string, transactionId: string): StoredEvent | null {
    const id = mailbox.transactions[`${calendarId}|${transactionId}`];
    return id ? (mailbox.events[id] ?? null) : null;
  }

  /** Stores a new single event or series master. */
  create(mailbox: Mailbox, calendarId: string, fields: EventFields): StoredEvent {
    const now = graphTimestamp(this.ctx.now());
    const id = newId('event');
    const event: StoredEvent = {
      ...fields,
      id,
      calendarId,
      type: fields.recurrence ? 'seriesMaster' : 'singleInstance',
      seriesMasterId: null,
      originalStart: null,
      cancelledOccurrences: [],
      isCancelled: false,
      iCalUId: `040000008200E00074C5B7101A82E008${Buffer.from(id).toString('hex').slice(0, 48).toUpperCase()}`,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: '',
      seq: 0,
    };
    mailbox.events[id] = event;
    if (fields.transactionId) mailbox.transactions[`${calendarId}|${fields.transactionId}`] = id;
    this.touch(mailbox, event);
    return event;
  }

  /**
   * Applies new fields to what an id names. Patching an occurrence turns it into an exception (same id);
   * changing a master's recurrence or times drops its exceptions and cancellations, as Outlook does.
   */
  update(mailbox: Mailbox, instance: Instance, fields: EventFields): StoredEvent {
    if (instance.type === 'occurrence') {
      const master = instance.source;
      const exception: StoredEvent = {
        ...structuredClone(master),
        ...fields,
        id: instance.id,
        type: 'exception',
        seriesMasterId: master.id,
        originalStart: instance.originalStart,
        recurrence: null,
        cancelledOccurrences: [],
        transactionId: null,
        createdDateTime: graphTimestamp(this.ctx.now()),
      };
      mailbox.events[exception.id] = exception;
      this.touch(mailbox, exception);
      return exception;
    }
    const event = instance.source;
    const seriesChanged =
      event.type === 'seriesMaster' &&
      (JSON.stringify(fields.recurrence) !== JSON.stringify(event.recurrence) ||
        fields.start.dateTime !== event.start.dateTime ||
        fields.end.dateTime !== event.end.dateTime);
    Object.assign(event, fields);
    if (event.type === 'singleInstance' && event.recurrence) event.type = 'seriesMaster';
    if (event.type === 'seriesMaster' && !event.recurrence) event.type = 'singleInstance';
    if (seriesChanged) {
      event.cancelledOccurrences = [];
      for (const e of Object.values(mailbox.events)) {
        if (e.type === 'exception' && e.seriesMasterId === event.id) delete mailbox.events[e.id];
      }
    }
    this.touch(mailbox, event);
    return event;
  }

  /** Deletes what an id names: a whole series, one event, or one occurrence/exception of a series. */
  remove(mailbox: Mailbox, instance: Instance): void {
    if (instance.type === 'occurrence' || instance.type === 'exception') {
      const masterId = instance.type === 'occurrence' ? instance.source.id : instance.source.seriesMasterId!;
      const master = mailbox.events[masterId];
      delete mailbox.events[instance.id];
      if (master && instance.originalStart) master.cancelledOccurrences.push(instance.originalStart);
      mailbox.seq += 1;
    } else {
      for (const e of Object.values(mailbox.events)) {
        if (e.id === instance.id || e.seriesMasterId === instance.id) delete mailbox.events[e.id];
      }
      mailbox.seq += 1;
    }
    this.ctx.changed();
  }

  /** The sandbox clock's time as Graph prints timestamps. */
  now(): string {
    return graphTimestamp(this.ctx.now());
  }

  /** Tells the sandbox to save after a write made outside these methods. */
  changed(): void {
    this.ctx.changed();
  }

  /** Marks a write: new sequence, new changeKey, new lastModifiedDateTime. */
  touch(mailbox: Mailbox, event: StoredEvent): void {
    mailbox.seq += 1;
    event.seq = mailbox.seq;
    event.changeKey = newChangeKey(event.id, event.seq);
    event.lastModifiedDateTime = graphTimestamp(this.ctx.now());
    this.ctx.changed();
  }

  /** Resolves an id within one calendar (or any calendar when calendarId is null). */
  find(mailbox: Mailbox, id: string, calendarId: string | null): Instance | null {
    const instance = findInstance(mailbox, id);
    if (!instance) return null;
    if (calendarId !== null && instance.source.calendarId !== calendarId) return null;
    return instance;
  }

  /** Remembers a token for a delta round or a page of one, forgetting the oldest past the limit. */
  rememberToken(token: string): void {
    this.state.tokenOrder.push(token);
    while (this.state.tokenOrder.length > MAX_TOKENS) {
      const old = this.state.tokenOrder.shift()!;
      delete this.state.deltaTokens[old];
      delete this.state.skipTokens[old];
    }
    this.ctx.changed();
  }
}
