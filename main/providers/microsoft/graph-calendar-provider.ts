/**
 * The Microsoft Outlook side of a connection, through @microsoft/microsoft-graph-client exactly as against
 * Microsoft (only `baseUrl` differs in sandbox mode). Reads use `calendarView/delta` (series expanded into
 * instances, a deltaLink as the cursor) and `$batch` for whole events; writes go in `$batch`es of up to 20 and use `transactionId`, single-value
 * extended properties and `If-Match`. Every request carries `Prefer: IdType="ImmutableId"` and goes through the
 * account's gate. https://learn.microsoft.com/graph/delta-query-events
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ItemFields, SyncItem } from '../../sync';
import { RequestGate, microsoftLimits, type RequestGateOptions } from '../gate';
import type { CalendarProvider, CreateRequest, ListRequest, ListResult, UpdateOptions } from '../port';
import { calendarCapabilities, NotFoundError, PreconditionFailedError } from '../port';
import { readEvents } from './graph-batch-reader';
import { readDeltaRound } from './graph-delta-reader';
import { GraphWriteBatcher } from './graph-batch-writer';
import { GraphCaller, microsoftProviderName } from './graph-caller';
import { createGraphClient, watchTokenFailures, type GraphTokens } from './graph-client';
import { GraphRequestError, classifyGraphFailure, graphStatusOf } from './graph-errors';
import type { GraphEvent } from './graph-event';
import { eventForCreate, eventPatchFor, eventToItem, isIncomplete } from './graph-event-mapper';
import {
  calendarPath,
  deltaPath,
  eventPath,
  taggedEventsPath,
  transactionIdFor,
  transactionIdPrefix,
} from './graph-requests';

/** What the adapter needs; one gate is shared by every calendar of the same mailbox. */
export interface GraphCalendarProviderOptions {
  /** The signed-in account (`MicrosoftAccount`): its `authProvider` feeds the client, `refresh` follows a 401. */
  account: GraphTokens;
  calendarId: string;
  /** The sandbox's `microsoft.graph_url` (no version segment); Microsoft's own Graph when absent. */
  graphUrl?: string;
  /** A client built elsewhere; one from `account` and `graphUrl` when absent. */
  client?: Client;
  /** The mailbox's gate; a gate with Graph's published limits when absent. */
  gate?: RequestGate;
  /** Delta rows per page (`Prefer: odata.maxpagesize`); `deltaPageSize` when absent. */
  pageSize?: number;
}

/**
 * Delta rows asked for per page. The delta docs name no maximum for `odata.maxpagesize`; 1,000 is the largest page
 * Graph documents for a calendarView (`$top` 1 to 1000). So the first idle run after a first sync of up to 1,000
 * events reads its own creates coming back in one request (100 a page took ten). Graph may still answer with
 * fewer or more rows a page (graph/paging: "a page of results may contain zero or more results"); the nextLinks
 * are followed whatever the size.
 */
export const deltaPageSize = 1000;

/** A gate for one mailbox: Graph's limits and the Graph classifier, other options as given. */
export function createMicrosoftGate(options: Partial<RequestGateOptions> = {}): RequestGate {
  return new RequestGate({
    provider: microsoftProviderName,
    classify: classifyGraphFailure,
    ...microsoftLimits,
    ...options,
  });
}

/** One Outlook calendar as a `CalendarProvider`. */
export class GraphCalendarProvider implements CalendarProvider {
  readonly side = 'external' as const;
  readonly capabilities = calendarCapabilities;
  /** Four `$batch`es of 20 writes, one per mailbox slot; the gate keeps the mailbox at 4 requests in flight. */
  readonly writeConcurrency = 80;
  private readonly caller: GraphCaller;
  private readonly writes: GraphWriteBatcher;
  private readonly calendarId: string;
  private readonly pageSize: number;

  constructor(options: GraphCalendarProviderOptions) {
    this.calendarId = options.calendarId;
    this.pageSize = options.pageSize ?? deltaPageSize;
    const tokens = watchTokenFailures(options.account.authProvider);
    const client = options.client ?? createGraphClient(tokens.authProvider, options.graphUrl);
    this.caller = new GraphCaller(
      client,
      options.gate ?? createMicrosoftGate(),
      options.account,
      tokens.lastFailure,
    );
    this.writes = new GraphWriteBatcher(this.caller);
  }

  /** The gate requests go through (shared per mailbox). */
  get gate(): RequestGate {
    return this.caller.gate;
  }

  /** HTTP requests this provider has sent: delta pages, `$batch`es, writes and every retry. */
  requestCount(): number {
    return this.caller.requests;
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    const { rows, deltaLink } = await readDeltaRound(
      this.caller,
      request.cursor ?? deltaPath(this.calendarId, request.window),
      this.pageSize,
    );
    // An incremental row at the version its link holds is the agent's own write (or nothing new) coming back.
    const unchanged: string[] = [];
    const changed = [...rows.values()].filter((row) => {
      const same =
        request.cursor !== null && !row['@removed'] && versionOf(row) === request.known?.get(row.id!);
      if (same) unchanged.push(row.id!);
      return !same;
    });
    const { items, deleted } = await this.resolveRows(changed, request.known);
    return {
      items,
      deleted,
      nextCursor: deltaLink,
      full: request.cursor === null,
      ...(unchanged.length > 0 ? { unchanged } : {}),
    };
  }

  async listTagged(connectionId: string): Promise<SyncItem[]> {
    const items: SyncItem[] = [];
    let url: string | undefined = taggedEventsPath(this.calendarId, connectionId);
    while (url) {
      const next: string = url;
      const page = (await this.caller.send(
        'list the agent’s events',
        () => this.caller.request(next, { pageSize: this.pageSize }).get() as Promise<TaggedPage>,
      )) as TaggedPage;
      for (const event of page.value ?? []) {
        const item = eventToItem(event);
        if (item && item.status !== 'cancelled') items.push(item);
      }
      url = page['@odata.nextLink'] ?? undefined;
    }
    return items;
  }

  async get(id: string): Promise<SyncItem | null> {
    const event = await this.caller.send(
      'read an event',
      () => this.caller.request(eventPath(this.calendarId, id)).get() as Promise<GraphEvent>,
      (error) => (graphStatusOf(error) === 404 ? null : undefined),
    );
    return event ? eventToItem(event) : null;
  }

  async create(request: CreateRequest): Promise<SyncItem> {
    const body = eventForCreate(request.fields, transactionIdFor(request.idempotencyKey), request.tags);
    // Same transactionId, same event: a retry after a timeout or crash gets the event created the first time.
    const event = (await this.writes.send({
      method: 'POST',
      url: `${calendarPath(this.calendarId)}/events`,
      body,
      refused: (status, code) => new GraphRequestError('create an event', status, code),
    })) as GraphEvent | null;
    const item = event ? eventToItem(event) : null;
    if (!item) throw new GraphRequestError('create an event', undefined, 'incomplete event');
    // The answer to a create carries no extended properties; the ones just written are the event's tags.
    return request.tags ? { ...item, tags: { ...request.tags } } : item;
  }

  async update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    const event = (await this.writes.send({
      method: 'PATCH',
      url: eventPath(this.calendarId, id, false),
      headers: { 'If-Match': options.ifMatch },
      body: eventPatchFor(fields, options.tags),
      refused: (status, code) => {
        if (status === 412) return new PreconditionFailedError(id);
        if (status === 404) return new NotFoundError(id);
        return new GraphRequestError('update an event', status, code);
      },
    })) as GraphEvent | null;
    const item = event ? eventToItem(event) : null;
    if (!item) throw new GraphRequestError('update an event', undefined, 'incomplete event');
    return item;
  }

  async delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    await this.writes.send({
      method: 'DELETE',
      url: eventPath(this.calendarId, id, false),
      ...(options?.ifMatch ? { headers: { 'If-Match': options.ifMatch } } : {}),
      refused: (status, code) => {
        // Never there or already gone: the wanted end state holds.
        if (status === 404 || status === 410) return null;
        if (status === 412) return new PreconditionFailedError(id);
        return new GraphRequestError('delete an event', status, code);
      },
    });
  }

  /**
   * Delta rows as items and deleted ids. Rows that may carry the agent's tags (a `transactionId` of ours, or
   * none shown), rows missing fields, and `@removed` rows are read whole in `$batch`es: a removed row whose
   * event still exists moved out of the window, which is not a deletion (SYNC.md, "What each direction may
   * touch"). A removed row of an event no link holds (`known` given) is only reported: whether it moved out or was
   * deleted (most often by the agent itself, its own delete coming back) changes nothing the planner does.
   */
  private async resolveRows(
    rows: GraphEvent[],
    known?: ReadonlyMap<string, string>,
  ): Promise<{ items: SyncItem[]; deleted: string[] }> {
    const toRead = rows.filter((row) =>
      row['@removed'] ? !known || known.has(row.id!) : isIncomplete(row) || mayCarryTags(row),
    );
    const read =
      toRead.length > 0
        ? await readEvents(
            this.caller,
            this.calendarId,
            toRead.map((row) => row.id!),
          )
        : new Map();
    const items: SyncItem[] = [];
    const deleted: string[] = [];
    for (const row of rows) {
      const event: GraphEvent | null | undefined = read.has(row.id!) ? read.get(row.id!) : row;
      if (!event || event['@removed']) {
        deleted.push(row.id!);
        continue;
      }
      const item = eventToItem(event);
      if (item) items.push(item);
    }
    return { items, deleted };
  }
}

/** A page of a filtered event list. */
interface TaggedPage {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
}

/** The version a row stands for, as `eventToItem` reads it. */
function versionOf(row: GraphEvent): string | undefined {
  return row['@odata.etag'] ?? row.changeKey ?? undefined;
}

/** True unless the row shows a `transactionId` that is not the agent's (people's events have none). */
function mayCarryTags(row: GraphEvent): boolean {
  return row.transactionId === undefined || (row.transactionId?.startsWith(transactionIdPrefix) ?? false);
}
