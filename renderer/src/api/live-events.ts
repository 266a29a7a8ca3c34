/**
 * Live updates from the headless agent: `GET /api/events` (server-sent events). Read with fetch rather than
 * EventSource because EventSource cannot send the bearer token header. Reconnects with a growing pause.
 */

/** One server-sent event: its type and JSON data. */
export interface LiveEvent {
  type: string;
  data: unknown;
}

/** Parses complete SSE blocks out of a buffer; returns the events and the unfinished rest. */
export function parseEventStream(buffer: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) continue;
    let parsed: unknown = data.join('\n');
    try {
      parsed = JSON.parse(parsed as string);
    } catch {
      // Not JSON: hand the text over as it is.
    }
    events.push({ type, data: parsed });
  }
  return { events, rest };
}

/** Follows the agent's event stream until the returned function is called. */
export function followEvents(
  origin: string,
  token: string | null,
  onEvent: (event: LiveEvent) => void,
): () => void {
  const stop = new AbortController();
  let pause = 1000;
  async function once(): Promise<void> {
    const response = await fetch(`${origin}/api/events`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: stop.signal,
    });
    if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
    pause = 1000;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const parsed = parseEventStream(buffer + value);
      buffer = parsed.rest;
      parsed.events.forEach(onEvent);
    }
  }
  void (async () => {
    while (!stop.signal.aborted) {
      await once().catch(() => undefined);
      if (stop.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30_000);
    }
  })();
  return () => stop.abort();
}
