/** A tiny scripted `fetch` for the Sched client's unit tests: records requests, answers from a script. */

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/** How the fake answers a request: a status, a JSON body and headers, or a thrown network error. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | { throws: Error };

/** A fetch that answers with `answer(request)` and keeps every request in `seen`. */
export class FakeFetch {
  readonly seen: SeenRequest[] = [];

  constructor(private readonly answer: (request: SeenRequest, index: number) => Answer) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    this.seen.push(request);
    const answer = this.answer(request, this.seen.length - 1);
    if ('throws' in answer) throw answer.throws;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
}

/** Answers in order from a list; the last answer repeats. */
export function scripted(...answers: Answer[]): FakeFetch {
  return new FakeFetch((_, index) => answers[Math.min(index, answers.length - 1)]!);
}

/** A Sched error body. */
export function schedError(status: number, code: string, message: string, extra: object = {}): Answer {
  return { status, body: { error: { code, message, ...extra } } };
}
