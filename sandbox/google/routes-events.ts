/**
 * The events routes at the paths googleapis calls under `rootUrl`:
 * list, get, insert, update, patch, delete and instances.
 * https://developers.google.com/calendar/api/v3/reference/events
 */
import type { Route, SandboxContext, SandboxRequest } from '../core/types';
import { notFound } from './errors';
import type { EventStore } from './event-store';
import { etagOf, renderEvent, virtualInstance, type RenderContext } from './event-resource';
import { checkSendUpdates, deleteEvent, insertEvent, replaceEvent } from './event-writes';
import { param, type GoogleHandler } from './guard';
import { listEvents, type ListOptions } from './list-events';
import { listInstances } from './list-instances';
import { parseListQuery } from './list-query';
import type { StoredCalendar, StoredEvent } from './model';

const events = '/calendar/v3/calendars/:calendarId/events';
const oneEvent = `${events}/:eventId`;

function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The events routes, each wrapped by the service's guard. */
export function eventRoutes(
  store: EventStore,
  ctx: Pick<SandboxContext, 'baseUrl' | 'now'>,
  guard: (handler: GoogleHandler) => Route['handler'],
  listOptions: ListOptions,
): Route[] {
  const rc = (calendar: StoredCalendar, timeZone?: string): RenderContext => ({
    calendar: timeZone ? { ...calendar, timeZone } : calendar,
    baseUrl: ctx.baseUrl,
  });
  const one = (record: StoredEvent, calendar: StoredCalendar) => ({
    status: 200,
    headers: { etag: etagOf(record) },
    body: renderEvent(record, rc(calendar)),
  });
  const calendarOf = (req: SandboxRequest, user: string) => store.calendarFor(user, param(req, 'calendarId'));

  return [
    {
      method: 'GET',
      pattern: events,
      handler: guard((req, user) => {
        const calendar = calendarOf(req, user);
        const query = parseListQuery(req.query);
        const page = listEvents(store, calendar, query, ctx.now(), listOptions);
        const body: Record<string, unknown> = {
          kind: 'calendar#events',
          etag: `"${store.state.seq}"`,
          summary: calendar.summary,
          description: calendar.description ?? '',
          updated: ctx.now().toISOString(),
          timeZone: query.timeZone ?? calendar.timeZone,
          accessRole: 'owner',
          defaultReminders: [],
        };
        if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
        if (page.nextSyncToken) body.nextSyncToken = page.nextSyncToken;
        body.items = page.items.map((record) => renderEvent(record, rc(calendar, query.timeZone)));
        return { status: 200, body };
      }),
    },
    {
      method: 'POST',
      pattern: events,
      handler: guard((req, user) => {
        const calendar = calendarOf(req, user);
        checkSendUpdates(req.query);
        return one(insertEvent(store, calendar, req.body), calendar);
      }),
    },
    {
      method: 'GET',
      pattern: oneEvent,
      handler: guard((req, user) => {
        const calendar = calendarOf(req, user);
        const eventId = param(req, 'eventId');
        const stored = store.record(calendar.id, eventId);
        const ref = stored ? null : store.instanceRef(calendar, eventId);
        const record = stored ?? (ref && virtualInstance(ref.series, ref.occurrence));
        if (!record) throw notFound();
        if (header(req, 'if-none-match') === etagOf(record)) return { status: 304 };
        const timeZone = req.query.get('timeZone') || undefined;
        return {
          status: 200,
          headers: { etag: etagOf(record) },
          body: renderEvent(record, rc(calendar, timeZone)),
        };
      }),
    },
    ...(['PUT', 'PATCH'] as const).map((method): Route => ({
      method,
      pattern: oneEvent,
      handler: guard((req, user) => {
        const calendar = calendarOf(req, user);
        checkSendUpdates(req.query);
        const write = {
          calendar,
          eventId: param(req, 'eventId'),
          body: req.body,
          ifMatch: header(req, 'if-match'),
        };
        return one(replaceEvent(store, write, method === 'PUT' ? 'update' : 'patch'), calendar);
      }),
    })),
    {
      method: 'DELETE',
      pattern: oneEvent,
      handler: guard((req, user) => {
        const calendar = calendarOf(req, user);
        checkSendUpdates(req.query);
        deleteEvent(store, { calendar, eventId: param(req, 'eventId'), ifMatch: header(req, 'if-match') });
        return { status: 204 };
      }),
    },
    {
      method: 'GET',
      pattern: `${oneEvent}/instances`,
      handler: guard((req, user) => {
        const calendar = calendarOf(req, user);
        const query = parseListQuery(req.query);
        const originalStart = req.query.get('originalStart') || undefined;
        const page = listInstances(store, calendar, param(req, 'eventId'), query, originalStart, ctx.now());
        const body: Record<string, unknown> = {
          kind: 'calendar#events',
          etag: `"${store.state.seq}"`,
          summary: calendar.summary,
          updated: ctx.now().toISOString(),
          timeZone: query.timeZone ?? calendar.timeZone,
          accessRole: 'owner',
          defaultReminders: [],
        };
        if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
        body.items = page.items.map((record) => renderEvent(record, rc(calendar, query.timeZone)));
        return { status: 200, body };
      }),
    },
  ];
}
