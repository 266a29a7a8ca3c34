/**
 * The soak's hands and eyes on each side, through the sandbox's own HTTP APIs (never the agent's code): bookings in
 * Sched, events in a Google calendar and in an Outlook calendar. Every call retries the sandbox's injected 429s,
 * 5xx and dropped connections, which the sandbox answers before touching any data, so a retry never doubles a write.
 */
import { tagPropertyIds } from '../main/providers/microsoft/graph-tags';

/** What the soak needs of the running sandbox. */
export interface SandboxAddress {
  url: string;
  info: { sched: { base_url: string; api_key: string }; microsoft: { graph_url: string } };
}

/** A live booking, times in epoch ms. */
export interface SeenBooking {
  id: string;
  resource_id: string;
  title: string;
  start: number;
  end: number;
  source: { calendar_id: string; event_id: string } | null;
}

/** A live event, times in epoch ms; `bookingTag` is the agent's booking-id tag on its copies. */
export interface SeenEvent {
  id: string;
  title: string;
  start: number;
  end: number;
  bookingTag?: string;
}

/** An answer: `status` 0 when every attempt failed on the network. */
interface Answer {
  status: number;
  // The soak reads whatever JSON the services return; their shapes are tested elsewhere.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryable = (status: number) => status === 0 || status === 429 || status >= 500;

/** One HTTP call with a JSON body, retried (up to 10 times) while the sandbox injects faults. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  let answer: Answer = { status: 0, body: undefined };
  for (let attempt = 0; attempt < 10; attempt += 1) {
    if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
    try {
      const response = await fetch(url, {
        method: init.method ?? 'GET',
        headers: {
          ...init.headers,
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      answer = { status: response.status, body: text ? safeJson(text) : undefined };
    } catch (error) {
      answer = { status: 0, body: String(error) };
    }
    if (!retryable(answer.status)) return answer;
  }
  return answer;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function ok(what: string, answer: Answer): Answer['body'] {
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Sched's front desk: bookings of the resources. */
export class SchedHands {
  constructor(private readonly sandbox: SandboxAddress) {}

  private send(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const { base_url, api_key } = this.sandbox.info.sched;
    return call(`${base_url}${path}`, { method, token: api_key, body, headers });
  }

  /** The live bookings of a resource. */
  async bookings(resourceId: string): Promise<SeenBooking[]> {
    const all: SeenBooking[] = [];
    let page: string | undefined;
    do {
      const query = new URLSearchParams({ resource_id: resourceId, max_results: '500' });
      if (page) query.set('page_token', page);
      const body = ok('Sched list', await this.send('GET', `/bookings?${query}`));
      for (const b of body.bookings)
        if (b.status !== 'cancelled')
          all.push({
            id: b.id,
            resource_id: b.resource_id,
            title: b.title,
            start: Date.parse(b.start),
            end: Date.parse(b.end),
            source: b.source ? { calendar_id: b.source.calendar_id, event_id: b.source.event_id } : null,
          });
      page = body.next_page_token ?? undefined;
    } while (page);
    return all;
  }

  /** Books a slot; false when Sched refused it (the slot is taken). */
  async create(resourceId: string, title: string, start: number, end: number): Promise<boolean> {
    const answer = await this.send('POST', '/bookings', {
      resource_id: resourceId,
      title,
      description: '',
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    });
    if (answer.status === 409) return false;
    ok('Sched create', answer);
    return true;
  }

  /** Changes a booking; false when the slot is taken or the booking moved on meanwhile. */
  async update(id: string, fields: { title?: string; start?: number; end?: number }): Promise<boolean> {
    const current = ok('Sched get', await this.send('GET', `/bookings/${id}`));
    if (current.status === 'cancelled') return false;
    const answer = await this.send(
      'PUT',
      `/bookings/${id}`,
      {
        ...(fields.title ? { title: fields.title } : {}),
        ...(fields.start ? { start: new Date(fields.start).toISOString() } : {}),
        ...(fields.end ? { end: new Date(fields.end).toISOString() } : {}),
      },
      { 'if-match': String(current.version) },
    );
    if (answer.status === 409 || answer.status === 412) return false;
    ok('Sched update', answer);
    return true;
  }

  async cancel(id: string): Promise<void> {
    ok('Sched cancel', await this.send('DELETE', `/bookings/${id}`));
  }
}

/** One external calendar as its owner uses it. */
export interface CalendarHands {
  service: 'google' | 'microsoft';
  user: string;
  calendarId: string;
  events(): Promise<SeenEvent[]>;
  create(title: string, start: number, end: number): Promise<void>;
  update(id: string, fields: { title?: string; start?: number; end?: number }): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Calls one service as a seeded user, with an access token from the sandbox (fetched again on a 401). */
function userCaller(sandbox: SandboxAddress, provider: 'google' | 'microsoft', user: string) {
  let token: Promise<string> | undefined;
  const fresh = async () =>
    ok(
      'sandbox tokens',
      await call(`${sandbox.url}/sandbox/tokens`, { method: 'POST', body: { provider, user } }),
    ).access_token as string;
  return async (method: string, url: string, body?: unknown): Promise<Answer> => {
    token ??= fresh();
    const answer = await call(url, { method, token: await token, body });
    if (answer.status !== 401) return answer;
    token = fresh();
    return call(url, { method, token: await token, body });
  };
}

/** The user's primary Google calendar. */
export function googleHands(sandbox: SandboxAddress, user: string): CalendarHands {
  const send = userCaller(sandbox, 'google', user);
  const base = `${sandbox.url}/calendar/v3/calendars/${encodeURIComponent(user)}/events`;
  const time = (ms: number) => ({ dateTime: new Date(ms).toISOString(), timeZone: 'UTC' });
  return {
    service: 'google',
    user,
    calendarId: user,
    async events() {
      const all: SeenEvent[] = [];
      let page: string | undefined;
      do {
        const query = new URLSearchParams({ singleEvents: 'true', maxResults: '250' });
        if (page) query.set('pageToken', page);
        const body = ok('Google list', await send('GET', `${base}?${query}`));
        for (const e of body.items)
          if (e.status !== 'cancelled')
            all.push({
              id: e.id,
              title: e.summary ?? '',
              start: Date.parse(e.start.dateTime ?? e.start.date),
              end: Date.parse(e.end.dateTime ?? e.end.date),
              bookingTag: e.extendedProperties?.private?.schedSyncBookingId,
            });
        page = body.nextPageToken ?? undefined;
      } while (page);
      return all;
    },
    async create(title, start, end) {
      ok('Google insert', await send('POST', base, { summary: title, start: time(start), end: time(end) }));
    },
    async update(id, fields) {
      const answer = await send('PATCH', `${base}/${encodeURIComponent(id)}`, {
        ...(fields.title ? { summary: fields.title } : {}),
        ...(fields.start ? { start: time(fields.start) } : {}),
        ...(fields.end ? { end: time(fields.end) } : {}),
      });
      if (answer.status !== 404 && answer.status !== 410) ok('Google patch', answer);
    },
    async remove(id) {
      const answer = await send('DELETE', `${base}/${encodeURIComponent(id)}`);
      if (answer.status !== 404 && answer.status !== 410) ok('Google delete', answer);
    },
  };
}

/** The default calendar of an Outlook mailbox (Graph). */
export async function outlookHands(sandbox: SandboxAddress, user: string): Promise<CalendarHands> {
  const send = userCaller(sandbox, 'microsoft', user);
  const me = `${sandbox.info.microsoft.graph_url}/v1.0/me`;
  const calendarId = ok('Graph calendar', await send('GET', `${me}/calendar`)).id as string;
  const base = `${me}/calendars/${calendarId}/events`;
  const time = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
  const read = (t: { dateTime: string }) => Date.parse(`${String(t.dateTime).slice(0, 19)}Z`);
  const tagId = tagPropertyIds.bookingId.toLowerCase();
  const expand = `singleValueExtendedProperties($filter=id eq '${tagPropertyIds.bookingId}')`;
  return {
    service: 'microsoft',
    user,
    calendarId,
    async events() {
      const all: SeenEvent[] = [];
      let url: string | undefined = `${base}?$top=100&$expand=${encodeURIComponent(expand)}`;
      while (url) {
        const body = ok('Graph list', await send('GET', url));
        for (const e of body.value) {
          if (e.isCancelled) continue;
          const props = (e.singleValueExtendedProperties ?? []) as { id: string; value: string }[];
          all.push({
            id: e.id,
            title: e.subject ?? '',
            start: read(e.start),
            end: read(e.end),
            bookingTag: props.find((p) => p.id.toLowerCase() === tagId)?.value,
          });
        }
        url = body['@odata.nextLink'] ?? undefined;
      }
      return all;
    },
    async create(title, start, end) {
      ok('Graph create', await send('POST', base, { subject: title, start: time(start), end: time(end) }));
    },
    async update(id, fields) {
      const answer = await send('PATCH', `${base}/${id}`, {
        ...(fields.title ? { subject: fields.title } : {}),
        ...(fields.start ? { start: time(fields.start) } : {}),
        ...(fields.end ? { end: time(fields.end) } : {}),
      });
      if (answer.status !== 404) ok('Graph patch', answer);
    },
    async remove(id) {
      const answer = await send('DELETE', `${base}/${id}`);
      if (answer.status !== 404) ok('Graph delete', answer);
    },
  };
}
