/**
 * `/me/calendars`, `/me/calendars/{id}` and `/me/calendar`. https://learn.microsoft.com/graph/api/resources/calendar
 */
import type { SandboxRequest } from '../core/types';
import { calendarOf } from './calendar-scope';
import { badRequest, graphError, notFound } from './errors';
import type { StoredCalendar } from './model';
import { etagOf } from './model';
import { context, json, page } from './route-kit';
import type { GraphRoute } from './route-kit';
import type { GraphStore } from './store';

function renderCalendar(calendar: StoredCalendar, owner: string): Record<string, unknown> {
  return {
    '@odata.etag': etagOf(calendar.changeKey),
    id: calendar.id,
    name: calendar.name,
    color: calendar.color,
    hexColor: calendar.hexColor,
    groupClassId: '0006f0b7-0000-0000-c000-000000000046',
    isDefaultCalendar: calendar.isDefaultCalendar,
    changeKey: calendar.changeKey,
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    isRemovable: !calendar.isDefaultCalendar,
    isTallyingResponses: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    owner: { name: owner.split('@')[0], address: owner },
  };
}

/** The calendar routes. */
export function calendarRoutes(store: GraphStore): GraphRoute[] {
  const getOne = (req: SandboxRequest, user: string) => {
    const mailbox = store.mailbox(user);
    const calendar = calendarOf(store, mailbox, req);
    if (!calendar) return notFound();
    return json(200, {
      '@odata.context': context(req, "users('me')/calendars/$entity"),
      ...renderCalendar(calendar, mailbox.owner),
    });
  };
  return [
    {
      method: 'GET',
      pattern: '/v1.0/me/calendars',
      handler: (req, user) => {
        const mailbox = store.mailbox(user);
        const { value, nextLink } = page(
          req,
          mailbox.calendars.map((c) => renderCalendar(c, mailbox.owner)),
        );
        return json(200, {
          '@odata.context': context(req, "users('me')/calendars"),
          value,
          ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
        });
      },
    },
    {
      method: 'POST',
      pattern: '/v1.0/me/calendars',
      handler: (req, user) => {
        const name = (req.body as { name?: unknown } | undefined)?.name;
        if (typeof name !== 'string' || name.trim() === '') return badRequest('A calendar needs a name.');
        const mailbox = store.mailbox(user);
        if (mailbox.calendars.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
          return graphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
        }
        return json(201, renderCalendar(store.addCalendar(mailbox, name), mailbox.owner));
      },
    },
    { method: 'GET', pattern: '/v1.0/me/calendars/:calendarId', handler: getOne },
    { method: 'GET', pattern: '/v1.0/me/calendar', handler: getOne },
    {
      method: 'DELETE',
      pattern: '/v1.0/me/calendars/:calendarId',
      handler: (req, user) => {
        const mailbox = store.mailbox(user);
        const calendar = calendarOf(store, mailbox, req);
        if (!calendar) return notFound();
        if (calendar.isDefaultCalendar) {
          return graphError(400, 'ErrorCannotDeleteObject', 'The default calendar cannot be deleted.');
        }
        mailbox.calendars = mailbox.calendars.filter((c) => c.id !== calendar.id);
        for (const e of Object.values(mailbox.events))
          if (e.calendarId === calendar.id) delete mailbox.events[e.id];
        mailbox.seq += 1;
        store.changed();
        return { status: 204 };
      },
    },
  ];
}
