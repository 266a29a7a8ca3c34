/**
 * Events: list and create under a calendar, and get/PATCH/DELETE by id under `/me/events/{id}` or
 * `/me/calendars/{id}/events/{eventId}`. Lists show single events and series masters (never occurrences),
 * `If-Match` guards writes with 412, and `transactionId` makes a retried create return the first event.
 * https://learn.microsoft.com/graph/api/calendar-post-events
 */
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { calendarOf, calendarPatterns } from './calendar-scope';
import { graphError, notFound } from './errors';
import { fieldsForCreate, fieldsForPatch } from './event-input';
import type { EventFields } from './event-input';
import { renderEvent } from './event-view';
import type { Instance } from './instances';
import { boundsOf, storedInstance } from './instances';
import { etagOf } from './model';
import { parseEventFilter } from './odata-filter';
import { appliedHeaders, context, json, page, viewOptions } from './route-kit';
import type { GraphHandler, GraphRoute } from './route-kit';
import type { GraphStore } from './store';

/** The writable fields an instance shows now, the base a PATCH applies to. */
export function currentFields(instance: Instance): EventFields {
  const e = instance.source;
  return {
    subject: e.subject,
    body: e.body,
    location: e.location,
    start: instance.start,
    end: instance.end,
    isAllDay: e.isAllDay,
    showAs: e.showAs,
    sensitivity: e.sensitivity,
    importance: e.importance,
    categories: e.categories,
    isReminderOn: e.isReminderOn,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    recurrence: instance.type === 'occurrence' ? null : e.recurrence,
    transactionId: instance.type === 'occurrence' ? null : e.transactionId,
    extendedProperties: e.extendedProperties,
  };
}

/** 412 when `If-Match` names another version; Exchange calls that an irresolvable conflict. */
export function preconditionFailed(req: SandboxRequest, instance: Instance): SandboxResponse | null {
  const ifMatch = req.headers['if-match'];
  if (ifMatch === undefined || ifMatch === '*') return null;
  const wanted = String(ifMatch).trim();
  const current = etagOf(instance.source.changeKey);
  if (
    wanted === current ||
    wanted === instance.source.changeKey ||
    wanted === `"${instance.source.changeKey}"`
  )
    return null;
  return graphError(
    412,
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  );
}

/** The event routes. */
export function eventRoutes(store: GraphStore): GraphRoute[] {
  const list: GraphHandler = (req, user) => {
    const mailbox = store.mailbox(user);
    const calendar = calendarOf(store, mailbox, req);
    if (!calendar) return notFound();
    const options = viewOptions(req, mailbox.owner);
    const predicate = parseEventFilter(req.query.get('$filter'));
    const events = Object.values(mailbox.events)
      .filter((e) => e.calendarId === calendar.id && e.type !== 'exception')
      .filter((e) => predicate === null || predicate(e, { ...boundsOf(e), type: e.type }))
      .sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime) || a.seq - b.seq);
    const { value, nextLink } = page(req, events);
    return json(
      200,
      {
        '@odata.context': context(req, "users('me')/events"),
        value: value.map((e) => renderEvent(storedInstance(e), options)),
        ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      },
      appliedHeaders(req),
    );
  };

  const create: GraphHandler = (req, user) => {
    const mailbox = store.mailbox(user);
    const calendar = calendarOf(store, mailbox, req);
    if (!calendar) return notFound();
    const options = viewOptions(req, mailbox.owner);
    const fields = fieldsForCreate(req.body);
    const earlier = fields.transactionId
      ? store.byTransaction(mailbox, calendar.id, fields.transactionId)
      : null;
    const event = earlier ?? store.create(mailbox, calendar.id, fields);
    return json(201, renderEvent(storedInstance(event), options), {
      location: `${req.url.origin}/graph/v1.0/me/events/${event.id}`,
      etag: etagOf(event.changeKey),
      ...appliedHeaders(req),
    });
  };

  const withInstance =
    (then: (req: SandboxRequest, user: string, instance: Instance) => SandboxResponse): GraphHandler =>
    (req, user) => {
      const mailbox = store.mailbox(user);
      let calendarId: string | null = null;
      if (req.params.calendarId !== undefined || req.path.startsWith('/v1.0/me/calendar/')) {
        const calendar = calendarOf(store, mailbox, req);
        if (!calendar) return notFound();
        calendarId = calendar.id;
      }
      const instance = store.find(mailbox, req.params.eventId ?? '', calendarId);
      return instance ? then(req, user, instance) : notFound();
    };

  const getOne = withInstance((req, user, instance) =>
    json(200, renderEvent(instance, viewOptions(req, store.mailbox(user).owner)), {
      etag: etagOf(instance.source.changeKey),
      ...appliedHeaders(req),
    }),
  );

  const patch = withInstance((req, user, instance) => {
    const conflict = preconditionFailed(req, instance);
    if (conflict) return conflict;
    const mailbox = store.mailbox(user);
    const options = viewOptions(req, mailbox.owner);
    const fields = fieldsForPatch(
      currentFields(instance),
      req.body,
      instance.type !== 'occurrence' && instance.type !== 'exception',
    );
    const updated = store.update(mailbox, instance, fields);
    const shown = store.find(mailbox, updated.id, null) ?? storedInstance(updated);
    return json(200, renderEvent(shown, options), {
      etag: etagOf(updated.changeKey),
      ...appliedHeaders(req),
    });
  });

  const remove = withInstance((req, user, instance) => {
    const conflict = preconditionFailed(req, instance);
    if (conflict) return conflict;
    store.remove(store.mailbox(user), instance);
    return { status: 204 };
  });

  const byId = ['/v1.0/me/events/:eventId', ...calendarPatterns('/events/:eventId')];
  return [
    ...['/v1.0/me/events', ...calendarPatterns('/events')].flatMap((pattern) => [
      { method: 'GET', pattern, handler: list },
      { method: 'POST', pattern, handler: create },
    ]),
    ...byId.flatMap((pattern) => [
      { method: 'GET', pattern, handler: getOne },
      { method: 'PATCH', pattern, handler: patch },
      { method: 'DELETE', pattern, handler: remove },
    ]),
  ];
}
