/**
 * Reads whole events (tags expanded) in `$batch`es of up to 20, one round trip per 20 events instead of 20.
 * Inside a batch each read depends on the one before, so one 404 (an event deleted meanwhile) turns the rest into
 * 424s: those go into the next batch. A 429 or 5xx inside makes the gate wait and send what is still unread.
 * https://learn.microsoft.com/graph/json-batching
 */
import { GraphBatchRetry, GraphRequestError } from './graph-errors';
import type { GraphCaller } from './graph-caller';
import type { GraphEvent } from './graph-event';
import { batchOfEventReads } from './graph-requests';

const batchLimit = 20;

interface BatchResponse {
  id?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers?.[key];
}

function codeOf(body: unknown): string | undefined {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' && /^[\w.-]{1,60}$/.test(code) ? code : undefined;
}

/**
 * The events with these ids in the calendar: the event, or `null` when Graph says it is not there (404).
 * Ids repeat at most once in the answer; the order of the map is the order asked.
 */
export async function readEvents(
  caller: GraphCaller,
  calendarId: string,
  eventIds: string[],
): Promise<Map<string, GraphEvent | null>> {
  const found = new Map<string, GraphEvent | null>();
  const wanted = [...new Set(eventIds)];
  for (;;) {
    const pending = wanted.filter((id) => !found.has(id));
    if (pending.length === 0) return found;
    const before = found.size;
    await caller.send(
      'read events',
      async () => {
        // Built inside the attempt: a retry after a throttled item sends only what is still unread.
        const chunk = wanted.filter((id) => !found.has(id)).slice(0, batchLimit);
        const answer = (await caller.request('/$batch').post(batchOfEventReads(calendarId, chunk))) as {
          responses?: BatchResponse[];
        };
        let retry: GraphBatchRetry | undefined;
        for (const response of answer.responses ?? []) {
          const id = chunk[Number(response.id) - 1];
          const status = response.status ?? 0;
          if (id === undefined) continue;
          if (status >= 200 && status < 300) found.set(id, response.body as GraphEvent);
          else if (status === 404) found.set(id, null);
          else if (status === 429 || status >= 500) {
            retry ??= new GraphBatchRetry(status, headerOf(response.headers, 'retry-after'));
          } else if (status !== 424) {
            throw new GraphRequestError('read an event', status, codeOf(response.body));
          }
        }
        if (retry) throw retry;
      },
      undefined,
      Math.min(batchLimit, pending.length),
    );
    if (found.size === before) throw new GraphRequestError('read events', undefined, 'empty $batch answer');
  }
}
