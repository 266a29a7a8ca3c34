/**
 * `calendarView` (occurrences and exceptions expanded, masters left out) and `/me/events/{id}/instances`.
 * https://learn.microsoft.com/graph/api/calendar-list-calendarview
 */
import { calendarOf, calendarPatterns } from './calendar-scope';
import { notFound } from './errors';
import { renderEvent } from './event-view';
import { occurrencesOf, storedInstance } from './instances';
import { parseEventFilter } from './odata-filter';
import { appliedHeaders, context, json, page, viewOptions } from './route-kit';
import type { GraphHandler, GraphRoute } from './route-kit';
import type { GraphStore } from './store';
import { viewInstances } from './instances';
import { windowOf } from './view-window';

/** The calendarView and instances routes. */
export function viewRoutes(store: GraphStore): GraphRoute[] {
  const calendarView: GraphHandler = (req, user) => {
    const mailbox = store.mailbox(user);
    const calendar = calendarOf(store, mailbox, req);
    if (!calendar) return notFound();
    const window = windowOf(req);
    const options = viewOptions(req, mailbox.owner);
    const predicate = parseEventFilter(req.query.get('$filter'));
    const instances = viewInstances(mailbox, calendar.id, window.fromMs, window.toMs).filter(
      (i) => predicate === null || predicate(i.source, i),
    );
    const { value, nextLink } = page(req, instances);
    return json(
      200,
      {
        '@odata.context': context(req, "users('me')/calendarView"),
        value: value.map((i) => renderEvent(i, options)),
        ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      },
      appliedHeaders(req),
    );
  };

  const instances: GraphHandler = (req, user) => {
    const mailbox = store.mailbox(user);
    const master = mailbox.events[req.params.eventId ?? ''];
    if (!master || master.type !== 'seriesMaster') return notFound();
    const window = windowOf(req);
    const options = viewOptions(req, mailbox.owner);
    const exceptions = Object.values(mailbox.events).filter((e) => e.seriesMasterId === master.id);
    const all = [
      ...occurrencesOf(master, new Set(exceptions.map((e) => e.originalStart ?? '')), window.toMs),
      ...exceptions.map(storedInstance),
    ]
      .filter((i) => i.startMs < window.toMs && i.endMs > window.fromMs)
      .sort((a, b) => a.startMs - b.startMs);
    const { value, nextLink } = page(req, all);
    return json(200, {
      '@odata.context': context(req, "users('me')/events"),
      value: value.map((i) => renderEvent(i, options)),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    });
  };

  return [
    ...['/v1.0/me/calendarView', ...calendarPatterns('/calendarView')].map((pattern) => ({
      method: 'GET',
      pattern,
      handler: calendarView,
    })),
    { method: 'GET', pattern: '/v1.0/me/events/:eventId/instances', handler: instances },
  ];
}
