import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { createMicrosoftGate } from '../../../main/providers/microsoft';
import { GraphCaller } from '../../../main/providers/microsoft/graph-caller';
import { readDeltaRound } from '../../../main/providers/microsoft/graph-delta-reader';

/**
 * A fake `calendarView/delta` at the client's HTTP edge: `events` rows in order, each page as many as the request's
 * `Prefer: odata.maxpagesize` asks (10 without one), and a 504 Gateway Timeout for any page asked larger than
 * `timesOutAbove`, as a page too large to gather in time answers.
 */
class FakeDelta implements Middleware {
  /** The page size each request asked for, in order, timed-out ones included. */
  readonly asked: number[] = [];

  constructor(
    private readonly events: number,
    private readonly timesOutAbove = Infinity,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const prefer = new Headers(context.options?.headers).get('prefer') ?? '';
    const size = Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? 10);
    this.asked.push(size);
    if (size > this.timesOutAbove) {
      context.response = new Response(JSON.stringify({ error: { code: 'UnknownError', message: '' } }), {
        status: 504,
        headers: { 'content-type': 'application/json' },
      });
      return;
    }
    const from = Number(url.searchParams.get('$skiptoken') ?? 0);
    const to = Math.min(this.events, from + size);
    const value = Array.from({ length: to - from }, (_, i) => ({ id: `e${from + i}`, changeKey: 'v1' }));
    const link =
      to < this.events
        ? { '@odata.nextLink': `https://graph.example/v1.0/delta?$skiptoken=${to}` }
        : { '@odata.deltaLink': 'https://graph.example/v1.0/delta?$deltatoken=end' };
    context.response = new Response(JSON.stringify({ value, ...link }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }
}

function callerOn(delta: FakeDelta): GraphCaller {
  const client = Client.initWithMiddleware({ middleware: delta });
  let nowMs = Date.parse('2025-03-05T12:00:00Z');
  const gate = createMicrosoftGate({
    now: () => nowMs,
    sleep: async (ms) => {
      nowMs += ms;
    },
  });
  return new GraphCaller(client, gate);
}

describe('one calendarView/delta round', () => {
  it('reads 1,000 rows in one request when it asks for pages of 1,000', async () => {
    const delta = new FakeDelta(1000);
    const caller = callerOn(delta);

    const round = await readDeltaRound(caller, 'https://graph.example/v1.0/delta', 1000);

    expect(round.rows.size).toBe(1000);
    expect(round.deltaLink).toContain('$deltatoken=end');
    expect(caller.requests).toBe(1);
  });

  it('asks for half the page after a gateway timeout and keeps the smaller size for the rest of the round', async () => {
    const delta = new FakeDelta(1000, 300);
    const caller = callerOn(delta);

    const round = await readDeltaRound(caller, 'https://graph.example/v1.0/delta', 1000);

    // 1,000 and 500 time out; pages of 250 then go through to the end: 250 × 4.
    expect(delta.asked).toEqual([1000, 500, 250, 250, 250, 250]);
    expect(round.rows.size).toBe(1000);
    expect(caller.requests).toBe(6);
  });
});
