/**
 * Edits made "by someone else" straight in the sandbox's Sched and Google Calendar APIs (API.md §3, §4), so a browser
 * test can make the same booking change on both sides and watch the agent report a conflict.
 */
import type { APIRequestContext } from '@playwright/test';

interface SandboxInfo {
  sched: { base_url: string; api_key: string };
  google: { root_url: string };
}

interface Booking {
  id: string;
  title: string;
  start: string;
  version: number | string;
  status: string;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Reads the sandbox's info through the agent's status (its Sched base URL is on the sandbox's origin). */
export async function sandboxInfo(
  request: APIRequestContext,
  agentUrl: string,
  token: string,
): Promise<SandboxInfo> {
  const status = await json<{ sched: { base_url: string } }>(
    await request.get(`${agentUrl}/api/status`, { headers: { authorization: `Bearer ${token}` } }),
    'agent status',
  );
  const origin = new URL(status.sched.base_url).origin;
  return json<SandboxInfo>(await request.get(`${origin}/sandbox/info`), 'sandbox info');
}

/**
 * Renames one synced Sched booking of `resourceId` in Sched and, differently, its event in the Google calendar
 * `calendarId`, as two people would between two syncs. Returns the booking's original title.
 */
export async function editBothSides(
  request: APIRequestContext,
  info: SandboxInfo,
  options: { resourceId: string; calendarId: string; user: string },
): Promise<{ title: string }> {
  const sched = { authorization: `Bearer ${info.sched.api_key}` };
  const now = Date.now();
  const window = `time_min=${new Date(now).toISOString()}&time_max=${new Date(now + 20 * 86_400_000).toISOString()}`;
  const { bookings } = await json<{ bookings: Booking[] }>(
    await request.get(`${info.sched.base_url}/bookings?resource_id=${options.resourceId}&${window}`, {
      headers: sched,
    }),
    'list bookings',
  );
  const tokens = await json<{ access_token: string }>(
    await request.post(`${new URL(info.sched.base_url).origin}/sandbox/tokens`, {
      data: { provider: 'google', user: options.user },
    }),
    'sandbox token',
  );
  const google = { authorization: `Bearer ${tokens.access_token}` };
  const events = `${info.google.root_url.replace(/\/+$/, '')}/calendar/v3/calendars/${encodeURIComponent(options.calendarId)}/events`;

  for (const booking of bookings.filter((b) => b.status === 'confirmed')) {
    const found = await json<{ items: { id: string }[] }>(
      await request.get(
        `${events}?privateExtendedProperty=${encodeURIComponent(`schedSyncBookingId=${booking.id}`)}`,
        {
          headers: google,
        },
      ),
      'find the synced event',
    );
    const event = found.items[0];
    if (!event) continue;
    await json(
      await request.put(`${info.sched.base_url}/bookings/${booking.id}`, {
        headers: { ...sched, 'if-match': String(booking.version) },
        data: { title: `${booking.title} (moved to 10:30)` },
      }),
      'edit the booking',
    );
    await json(
      await request.patch(`${events}/${encodeURIComponent(event.id)}`, {
        headers: google,
        data: { summary: `${booking.title} (bring the slides)` },
      }),
      'edit the event',
    );
    return { title: booking.title };
  }
  throw new Error(`No booking of ${options.resourceId} has a synced event in ${options.calendarId}.`);
}
