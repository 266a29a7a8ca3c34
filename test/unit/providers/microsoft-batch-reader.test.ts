import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { createMicrosoftGate } from '../../../main/providers/microsoft';
import { readEvents } from '../../../main/providers/microsoft/graph-batch-reader';
import { GraphCaller } from '../../../main/providers/microsoft/graph-caller';

interface BatchBody {
  requests: { id: string; url: string; dependsOn?: string[] }[];
}

/**
 * A fake Graph answering `$batch` at the client's HTTP edge: events exist unless listed as missing, a missing one
 * answers 404 and fails the chain after it with 424, and the first `throttleOnce` batch throttles its second read.
 */
class FakeGraph implements Middleware {
  readonly batches: string[][] = [];

  constructor(
    private readonly missing: Set<string> = new Set(),
    private throttleOnce = false,
  ) {}

  async execute(context: Context): Promise<void> {
    const body = JSON.parse(String(context.options?.body)) as BatchBody;
    const ids = body.requests.map((r) => decodeURIComponent(/\/events\/([^?]+)/.exec(r.url)![1]!));
    this.batches.push(ids);
    let failed = false;
    const responses = ids.map((id, index) => {
      const answer = (status: number, extra: Record<string, unknown> = {}) => ({
        id: body.requests[index]!.id,
        status,
        ...extra,
      });
      if (failed) return answer(424, { body: { error: { code: 'FailedDependency' } } });
      if (this.throttleOnce && index === 1) {
        this.throttleOnce = false;
        failed = true;
        return answer(429, {
          headers: { 'Retry-After': '2' },
          body: { error: { code: 'ApplicationThrottled' } },
        });
      }
      if (this.missing.has(id)) {
        failed = true;
        return answer(404, { body: { error: { code: 'ErrorItemNotFound' } } });
      }
      return answer(200, { body: { id, subject: `Event ${id}` } });
    });
    context.response = new Response(JSON.stringify({ responses }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }
}

function callerOn(graph: FakeGraph, waits: number[] = []): GraphCaller {
  const client = Client.initWithMiddleware({ middleware: graph });
  let nowMs = Date.parse('2025-03-05T12:00:00Z');
  const gate = createMicrosoftGate({
    now: () => nowMs,
    sleep: async (ms) => {
      waits.push(ms);
      nowMs += ms;
    },
  });
  return new GraphCaller(client, gate);
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => `e${i + 1}`);

describe('reading events in $batches', () => {
  it('reads 45 events in three batches of at most 20', async () => {
    const graph = new FakeGraph();
    const caller = callerOn(graph);

    const events = await readEvents(caller, 'cal', ids(45));

    expect(graph.batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
    expect([...events.keys()]).toEqual(ids(45));
    expect(events.get('e45')).toMatchObject({ subject: 'Event e45' });
    expect(caller.requests).toBe(3);
  });

  it('marks a deleted event as missing and reads the ones its failure held back in the next batch', async () => {
    const graph = new FakeGraph(new Set(['e2']));

    const events = await readEvents(callerOn(graph), 'cal', ids(4));

    expect(graph.batches).toEqual([
      ['e1', 'e2', 'e3', 'e4'],
      ['e3', 'e4'],
    ]);
    expect(events.get('e2')).toBeNull();
    expect(events.get('e4')).toMatchObject({ id: 'e4' });
  });

  it('waits as a throttled read asks and sends only what is still unread', async () => {
    const graph = new FakeGraph(new Set(), true);
    const waits: number[] = [];

    const events = await readEvents(callerOn(graph, waits), 'cal', ids(3));

    expect(graph.batches).toEqual([
      ['e1', 'e2', 'e3'],
      ['e2', 'e3'],
    ]);
    expect(waits).toContain(2000);
    expect([...events.values()].every((event) => event !== null)).toBe(true);
  });

  it('reads each id once even when asked twice', async () => {
    const graph = new FakeGraph();

    await readEvents(callerOn(graph), 'cal', ['e1', 'e1', 'e2']);

    expect(graph.batches).toEqual([['e1', 'e2']]);
  });
});
