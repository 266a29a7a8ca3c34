/**
 * Creates events in `$batch`es of up to 20 (issue 11): creates the engine has in flight together share one round
 * trip instead of one each. Calls made in the same turn of the event loop go out together; each create keeps its
 * own `transactionId`, so a batch sent again after a timeout or a throttled item makes nothing twice. Inside a
 * batch each create depends on the one before (one mailbox slot per batch): a failed create turns the rest into
 * 424s, which go into the next batch, and a 429 or 5xx inside makes the gate wait and send what is still unmade.
 * https://learn.microsoft.com/graph/json-batching
 */
import { GraphBatchRetry, GraphRequestError } from './graph-errors';
import type { GraphCaller } from './graph-caller';
import type { GraphEvent } from './graph-event';
import { batchOfEventCreates } from './graph-requests';

const batchLimit = 20;

interface PendingCreate {
  body: unknown;
  resolve: (event: GraphEvent) => void;
  reject: (error: unknown) => void;
}

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

/** Gathers one calendar's creates into `$batch`es. */
export class GraphCreateBatcher {
  private queue: PendingCreate[] = [];
  private flushing = false;

  constructor(
    private readonly caller: GraphCaller,
    private readonly calendarId: string,
  ) {}

  /** Creates one event (a body with its `transactionId`), in a batch with the creates asked for alongside it. */
  create(body: unknown): Promise<GraphEvent> {
    return new Promise((resolve, reject) => {
      this.queue.push({ body, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // After the current turn: every create the engine starts together is queued by then.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    while (this.queue.length > 0) void this.send(this.queue.splice(0, batchLimit));
  }

  private async send(chunk: PendingCreate[]): Promise<void> {
    let pending = chunk;
    try {
      while (pending.length > 0) {
        const before = pending.length;
        await this.caller.send(
          'create events',
          async () => {
            const sent = pending;
            const answer = (await this.caller.request('/$batch').post(
              batchOfEventCreates(
                this.calendarId,
                sent.map((p) => p.body),
              ),
            )) as {
              responses?: BatchResponse[];
            };
            const answered = new Map((answer.responses ?? []).map((r) => [Number(r.id) - 1, r]));
            const unmade: PendingCreate[] = [];
            let retry: GraphBatchRetry | undefined;
            sent.forEach((create, index) => {
              const response = answered.get(index);
              const status = response?.status ?? 0;
              if (status >= 200 && status < 300 && response?.body)
                create.resolve(response.body as GraphEvent);
              else if (status === 429 || status >= 500) {
                retry ??= new GraphBatchRetry(status, headerOf(response?.headers, 'retry-after'));
                unmade.push(create);
              } else if (status === 424 || response === undefined) unmade.push(create);
              else create.reject(new GraphRequestError('create an event', status, codeOf(response.body)));
            });
            pending = unmade;
            if (retry) throw retry;
          },
          undefined,
          pending.length,
        );
        if (pending.length === before)
          throw new GraphRequestError('create events', undefined, 'empty $batch answer');
      }
    } catch (error) {
      for (const create of pending) create.reject(error);
    }
  }
}
