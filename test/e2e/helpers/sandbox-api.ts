/**
 * Reads and writes "by someone else" in the sandbox's Sched and Google Calendar APIs (API.md §3, §4), so a browser
 * test can change a calendar behind the agent's back and check in Sched what the agent did about it.
 */
import type { APIRequestContext } from '@playwright/test';
import { sandboxInfo } from './sandbox-edits';

/** A Sched booking as the sandbox's Sched API returns it (the fields the tests look at). */
export interface SchedBooking {
  id: string;
  title: string;
  start: string;
  end: string;
  status: string;
  /** Set on bookings the agent made from a calendar event. */
  source: { event_id: string } | null;
}

/** A Sched availability exception (blocked time) as the sandbox's Sched API returns it. */
export interface SchedException {
  id: string;
  start: string;
  end: string;
  all_day: boolean;
  reason: string | null;
  status: string;
}

/** A Google Calendar event (the fields the tests look at). */
export interface GoogleEvent {
  id: string;
  summary?: string;
  extendedProperties?: { private?: Record<string, string> };
}

type Response = Awaited<ReturnType<APIRequestContext['get']>>;

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const day = 86_400_000;

/** The sandbox behind one running agent, seen through its own APIs. */
export class SandboxApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly info: Awaited<ReturnType<typeof sandboxInfo>>,
  ) {}

  /** Finds the sandbox of the agent at `agentUrl`. */
  static async of(request: APIRequestContext, agentUrl: string, token: string): Promise<SandboxApi> {
    return new SandboxApi(request, await sandboxInfo(request, agentUrl, token));
  }

  /** The sandbox's own clock (demo data sits around it, not around this machine's time). */
  async now(): Promise<number> {
    const { now } = await json<{ now: string }>(
      await this.request.post(`${new URL(this.info.sched.base_url).origin}/sandbox/clock`, {
        data: { advance_seconds: 0 },
      }),
      'sandbox clock',
    );
    return Date.parse(now);
  }

  private get sched() {
    return { authorization: `Bearer ${this.info.sched.api_key}` };
  }

  /** The bookings of `resourceId` from ten days before to four weeks after the sandbox's now, cancelled included. */
  async bookings(resourceId: string): Promise<SchedBooking[]> {
    const now = await this.now();
    const window = `include_cancelled=true&time_min=${new Date(now - 10 * day).toISOString()}&time_max=${new Date(now + 28 * day).toISOString()}`;
    const all: SchedBooking[] = [];
    let page = '';
    do {
      const body = await json<{ bookings: SchedBooking[]; next_page_token?: string }>(
        await this.request.get(
          `${this.info.sched.base_url}/bookings?resource_id=${resourceId}&${window}${page ? `&page_token=${page}` : ''}`,
          { headers: this.sched },
        ),
        'list bookings',
      );
      all.push(...body.bookings);
      page = body.next_page_token ?? '';
    } while (page);
    return all;
  }

  /** The live availability exceptions of `resourceId` (holidays, maintenance) around the sandbox's now. */
  async exceptions(resourceId: string): Promise<SchedException[]> {
    const now = await this.now();
    const range = `time_min=${new Date(now - 10 * day).toISOString()}&time_max=${new Date(now + 28 * day).toISOString()}`;
    const body = await json<{ exceptions: SchedException[] }>(
      await this.request.get(
        `${this.info.sched.base_url}/resources/${resourceId}/availability/exceptions?${range}&max_results=500`,
        { headers: this.sched },
      ),
      'list exceptions',
    );
    return body.exceptions.filter((e) => e.status !== 'cancelled');
  }

  private async googleHeaders(user: string): Promise<{ authorization: string }> {
    const tokens = await json<{ access_token: string }>(
      await this.request.post(`${new URL(this.info.sched.base_url).origin}/sandbox/tokens`, {
        data: { provider: 'google', user },
      }),
      'sandbox token',
    );
    return { authorization: `Bearer ${tokens.access_token}` };
  }

  private events(calendarId: string): string {
    return `${this.info.google.root_url.replace(/\/+$/, '')}/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`;
  }

  /** The events the agent wrote to a Google calendar (they carry its booking tag). */
  async syncedGoogleEvents(user: string, calendarId: string): Promise<GoogleEvent[]> {
    const headers = await this.googleHeaders(user);
    const now = await this.now();
    const all: GoogleEvent[] = [];
    let page = '';
    do {
      const query = new URLSearchParams({
        singleEvents: 'true',
        timeMin: new Date(now - 40 * day).toISOString(),
        timeMax: new Date(now + 200 * day).toISOString(),
        maxResults: '250',
        ...(page ? { pageToken: page } : {}),
      });
      const body = await json<{ items: GoogleEvent[]; nextPageToken?: string }>(
        await this.request.get(`${this.events(calendarId)}?${query.toString()}`, { headers }),
        'list events',
      );
      all.push(...body.items);
      page = body.nextPageToken ?? '';
    } while (page);
    return all.filter((event) => event.extendedProperties?.private?.schedSyncBookingId);
  }

  /** Deletes events from a Google calendar, as the calendar's owner would. */
  async deleteGoogleEvents(user: string, calendarId: string, events: GoogleEvent[]): Promise<void> {
    const headers = await this.googleHeaders(user);
    for (const event of events) {
      const response = await this.request.delete(
        `${this.events(calendarId)}/${encodeURIComponent(event.id)}`,
        {
          headers,
        },
      );
      if (!response.ok()) throw new Error(`delete event: ${response.status()} ${await response.text()}`);
    }
  }

  /** Adds an event of the owner's own to a Google calendar. */
  /** A person's Google event titled `summary` from half an hour into `booking` to an hour and a half into it. */
  addEventOverlapping(
    user: string,
    calendarId: string,
    booking: SchedBooking,
    summary: string,
  ): Promise<GoogleEvent> {
    const start = Date.parse(booking.start);
    return this.addGoogleEvent(user, calendarId, {
      summary,
      start: new Date(start + 30 * 60_000).toISOString(),
      end: new Date(start + 90 * 60_000).toISOString(),
    });
  }

  async addGoogleEvent(
    user: string,
    calendarId: string,
    event: { summary: string; start: string; end: string },
  ): Promise<GoogleEvent> {
    return json<GoogleEvent>(
      await this.request.post(this.events(calendarId), {
        headers: await this.googleHeaders(user),
        data: {
          summary: event.summary,
          start: { dateTime: event.start },
          end: { dateTime: event.end },
        },
      }),
      'add an event',
    );
  }
}

/** The calendar id of the only connection of the agent at `url`. */
export async function onlyConnectionCalendarId(
  request: APIRequestContext,
  url: string,
  token: string,
): Promise<string> {
  const { calendars } = await json<{ calendars: { calendar_id: string }[] }>(
    await request.get(`${url}/api/calendars`, { headers: { authorization: `Bearer ${token}` } }),
    'list connections',
  );
  if (calendars.length !== 1 || !calendars[0])
    throw new Error(`Expected one connection, got ${calendars.length}.`);
  return calendars[0].calendar_id;
}
