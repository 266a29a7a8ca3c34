/**
 * Writes events in `$batch`es of up to 20 (issue 11): the creates, updates and deletes the engine has in flight
 * together share one round trip instead of one each. Calls made in the same turn of the event loop go out together.
 * Each create keeps its own `transactionId` and each update or delete its `If-Match`, so a batch sent again after a
 * timeout or a throttled item makes nothing twice and overwrites nothing a person changed. Inside a batch each write
 * depends on the one before (one mailbox slot per batch): a failed write turns the rest into 424s, which go into the
 * next batch, and a 429 or 5xx inside makes the gate wait and send what is still unwritten.
 * https://learn.microsoft.com/graph/json-batching
 */
import { GraphBatchRetry, GraphRequestError } from './graph-errors';
import type { GraphCaller } from './graph-caller';
import { batchOfEventWrites, type BatchRequest } from './graph-requests';

const batchLimit = 20;

/** One write as it goes into a batch, and what an answer other than 2xx, 424, 429 or 5xx means for it. */
export interface BatchedWrite {
  method: 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The error to fail with, or `null` when the status means the write's end state holds (a delete's 404). */
  refused: (status: number, code: string | undefined) => Error | null;
}

interface PendingWrite {
  write: BatchedWrite;
  resolve: (body: unknown) => void;
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

/** Gathers one calendar's writes into `$batch`es. */
export class GraphWriteBatcher {
  private queue: PendingWrite[] = [];
  private flushing = false;

  constructor(private readonly caller: GraphCaller) {}

  /** Sends one write in a batch with the writes asked for alongside it; resolves with its answer's body. */
  send(write: BatchedWrite): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // After the current turn: every write the engine starts together is queued by then.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    while (this.queue.length > 0) void this.sendChunk(this.queue.splice(0, batchLimit));
  }

  private async sendChunk(chunk: PendingWrite[]): Promise<void> {
    let pending = chunk;
    try {
      while (pending.length > 0) {
        const before = pending.length;
        await this.caller.send(
          'write events',
          () => this.round(pending, (rest) => (pending = rest)),
          undefined,
          pending.length,
        );
        if (pending.length === before)
          throw new GraphRequestError('write events', undefined, 'empty $batch answer');
      }
    } catch (error) {
      for (const write of pending) write.reject(error);
    }
  }

  /** One `$batch` of `sent`: settles what was answered, hands back what is still to send, throws to retry. */
  private async round(sent: PendingWrite[], left: (rest: PendingWrite[]) => void): Promise<void> {
    const requests: Omit<BatchRequest, 'id' | 'dependsOn'>[] = sent.map(({ write }) => ({
      method: write.method,
      url: write.url,
      headers: write.headers ?? {},
      ...(write.body !== undefined ? { body: write.body } : {}),
    }));
    const answer = (await this.caller.request('/$batch').post(batchOfEventWrites(requests))) as {
      responses?: BatchResponse[];
    };
    const answered = new Map((answer.responses ?? []).map((r) => [Number(r.id) - 1, r]));
    const unwritten: PendingWrite[] = [];
    let retry: GraphBatchRetry | undefined;
    sent.forEach((pending, index) => {
      const response = answered.get(index);
      const status = response?.status ?? 0;
      if (status >= 200 && status < 300) pending.resolve(response?.body ?? null);
      else if (status === 429 || status >= 500) {
        retry ??= new GraphBatchRetry(status, headerOf(response?.headers, 'retry-after'));
        unwritten.push(pending);
      } else if (status === 424 || response === undefined) unwritten.push(pending);
      else {
        const error = pending.write.refused(status, codeOf(response.body));
        if (error === null) pending.resolve(null);
        else pending.reject(error);
      }
    });
    left(unwritten);
    if (retry) throw retry;
  }
}
