/**
 * `calendarView/delta`: a first round lists every instance in the window; each page but the last carries an
 * absolute `@odata.nextLink` with a `$skiptoken`, the last an `@odata.deltaLink` with a `$deltatoken`. A later
 * round returns instances changed since its token and `@removed` rows for instances that left the window or
 * were deleted. Tokens are server-side state, so an unknown or forgotten one answers 410 SyncStateNotFound.
 * https://learn.microsoft.com/graph/delta-query-events
 */
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { calendarOf, calendarPatterns } from './calendar-scope';
import { badRequest, graphError, notFound } from './errors';
import { renderEvent } from './event-view';
import { findInstance, viewInstances } from './instances';
import { newId } from './model';
import type { DeltaRound, Mailbox } from './model';
import { appliedHeaders, context, json, linkTo, preferences, viewOptions } from './route-kit';
import type { GraphHandler, GraphRoute } from './route-kit';
import type { GraphStore } from './store';
import { windowOf } from './view-window';

/** Page size when the client sends no `Prefer: odata.maxpagesize`. */
const DEFAULT_PAGE_SIZE = 10;
/**
 * The most rows a page holds whatever the client prefers. The delta docs name no maximum; the largest page Graph
 * documents for a calendarView is 1,000 (`$top` 1 to 1000). Asked for more, the stand-in pages at that maximum,
 * one of the answers graph/paging allows for, and says so in `Preference-Applied`; a client follows nextLinks anyway.
 */
const MAX_PAGE_SIZE = 1000;
/** Query options Graph refuses on change tracking over calendarView. */
const UNSUPPORTED = ['$expand', '$filter', '$select', '$orderby', '$search', '$top', '$count'];

function queryValue(req: SandboxRequest, name: string): string | null {
  for (const [k, v] of req.query.entries()) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

function syncStateNotFound(): SandboxResponse {
  return graphError(
    410,
    'SyncStateNotFound',
    'The sync state generation is not found or has expired. Start a new round of synchronization without a delta token.',
  );
}

function currentIds(mailbox: Mailbox, round: Pick<DeltaRound, 'calendarId' | 'fromMs' | 'toMs'>) {
  return viewInstances(mailbox, round.calendarId, round.fromMs, round.toMs);
}

/** The delta routes for the default calendar and for `/me/calendars/{id}`. */
export function deltaRoutes(store: GraphStore): GraphRoute[] {
  const handler: GraphHandler = (req, user) => {
    const mailbox = store.mailbox(user);
    const calendar = calendarOf(store, mailbox, req);
    if (!calendar) return notFound();
    const used = UNSUPPORTED.filter((name) => queryValue(req, name) !== null);
    if (used.length > 0) {
      return badRequest(
        `The following parameters are not supported with change tracking over the 'CalendarView' resource: '${used.join(', ')}'.`,
        'ErrorInvalidUrlQuery',
      );
    }
    const skipToken = queryValue(req, '$skiptoken');
    const deltaToken = queryValue(req, '$deltatoken');
    let round: DeltaRound;
    let remaining: string[];
    if (skipToken !== null) {
      const pending = store.state.skipTokens[skipToken];
      if (!pending || pending.round.user !== mailbox.owner || pending.round.calendarId !== calendar.id) {
        return syncStateNotFound();
      }
      round = pending.round;
      remaining = pending.remaining;
    } else if (deltaToken !== null) {
      const previous = store.state.deltaTokens[deltaToken];
      if (!previous || previous.user !== mailbox.owner || previous.calendarId !== calendar.id)
        return syncStateNotFound();
      const now = currentIds(mailbox, previous);
      const nowIds = new Set(now.map((i) => i.id));
      const changed = now
        .filter((i) => i.seq > previous.seq || !previous.knownIds.includes(i.id))
        .map((i) => i.id);
      const removed = previous.knownIds.filter((id) => !nowIds.has(id)).map((id) => `-${id}`);
      round = { ...previous, seq: mailbox.seq, knownIds: [...nowIds] };
      remaining = [...changed, ...removed];
    } else {
      const { fromMs, toMs } = windowOf(req);
      const now = currentIds(mailbox, { calendarId: calendar.id, fromMs, toMs });
      round = {
        user: mailbox.owner,
        calendarId: calendar.id,
        fromMs,
        toMs,
        seq: mailbox.seq,
        knownIds: now.map((i) => i.id),
      };
      remaining = now.map((i) => i.id);
    }

    const asked = preferences(req).maxPageSize;
    const size = Math.min(MAX_PAGE_SIZE, Math.max(1, asked ?? DEFAULT_PAGE_SIZE));
    const options = viewOptions(req, mailbox.owner);
    const value = remaining.slice(0, size).map((entry) => {
      const id = entry.startsWith('-') ? entry.slice(1) : entry;
      const instance = entry.startsWith('-') ? null : findInstance(mailbox, id);
      if (!instance || instance.source.calendarId !== calendar.id) {
        return { '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } };
      }
      return { '@odata.type': '#microsoft.graph.event', ...renderEvent(instance, options) };
    });
    const rest = remaining.slice(size);
    const token = newId('token');
    const body: Record<string, unknown> = { '@odata.context': context(req, 'Collection(event)'), value };
    if (rest.length > 0) {
      store.state.skipTokens[token] = { round, remaining: rest };
      body['@odata.nextLink'] = linkTo(req, [['$skiptoken', token]]);
    } else {
      store.state.deltaTokens[token] = round;
      body['@odata.deltaLink'] = linkTo(req, [['$deltatoken', token]]);
    }
    store.rememberToken(token);
    return json(200, body, appliedHeaders(req, asked === null ? undefined : size));
  };

  return ['/v1.0/me/calendarView/delta', ...calendarPatterns('/calendarView/delta')].map((pattern) => ({
    method: 'GET',
    pattern,
    handler,
  }));
}
