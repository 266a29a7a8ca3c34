/**
 * The owner's answer to a meeting someone else organised: `POST …/events/{id}/accept`, `/tentativelyAccept` and
 * `/decline` (body `{comment?, sendResponse?}`), 202 with no body, as Graph documents them. The answer shows in
 * the event's `responseStatus` and the owner's attendee entry, and counts as a change for delta. A declined
 * meeting stays in the calendar, marked declined (Outlook can be set to keep them; a sync must read either).
 * Answering a meeting the owner organised is refused, as Exchange refuses it.
 * https://learn.microsoft.com/graph/api/event-accept
 */
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { calendarOf, calendarPatterns } from './calendar-scope';
import { badRequest, notFound } from './errors';
import type { ResponseStatus } from './model';
import type { GraphRoute } from './route-kit';
import { currentFields, preconditionFailed } from './routes-events';
import type { GraphStore } from './store';

const ACTIONS: Record<string, ResponseStatus['response']> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};

function checkBody(body: unknown): SandboxResponse | null {
  if (body === undefined) return null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  }
  const { comment, sendResponse } = body as Record<string, unknown>;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    return badRequest("Invalid value for 'comment'.", 'RequestBodyRead');
  }
  if (sendResponse !== undefined && typeof sendResponse !== 'boolean') {
    return badRequest("Invalid value for 'sendResponse'.", 'RequestBodyRead');
  }
  return null;
}

/** The accept / tentativelyAccept / decline routes. */
export function responseRoutes(store: GraphStore): GraphRoute[] {
  const answer =
    (response: ResponseStatus['response']) =>
    (req: SandboxRequest, user: string): SandboxResponse => {
      const mailbox = store.mailbox(user);
      let calendarId: string | null = null;
      if (req.params.calendarId !== undefined || req.path.startsWith('/v1.0/me/calendar/')) {
        const calendar = calendarOf(store, mailbox, req);
        if (!calendar) return notFound();
        calendarId = calendar.id;
      }
      const instance = store.find(mailbox, req.params.eventId ?? '', calendarId);
      if (!instance) return notFound();
      const invalid = checkBody(req.body) ?? preconditionFailed(req, instance);
      if (invalid) return invalid;
      if (!instance.source.invitation) {
        return badRequest(
          "Your request can't be completed. You can't respond to this meeting because you're the meeting organizer.",
        );
      }
      // Answering one occurrence makes it an exception of its series, as any change to an occurrence does.
      const event =
        instance.type === 'occurrence'
          ? store.update(mailbox, instance, currentFields(instance))
          : instance.source;
      const status: ResponseStatus = { response, time: store.now() };
      const invitation = event.invitation!;
      invitation.responseStatus = status;
      for (const attendee of invitation.attendees) {
        if (attendee.emailAddress.address.toLowerCase() === mailbox.owner.toLowerCase())
          attendee.status = { ...status };
      }
      store.touch(mailbox, event);
      return { status: 202 };
    };
  const byId = ['/v1.0/me/events/:eventId', ...calendarPatterns('/events/:eventId')];
  return Object.entries(ACTIONS).flatMap(([action, response]) =>
    byId.map((pattern) => ({ method: 'POST', pattern: `${pattern}/${action}`, handler: answer(response) })),
  );
}
