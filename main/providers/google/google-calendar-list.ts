/** The calendars a Google account can write to, for the connect wizard (calendarList.list). */
import * as google from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import type { RequestGate } from '../gate';

export interface GoogleCalendarEntry {
  id: string;
  name: string;
  primary: boolean;
  time_zone: string | null;
}

/** Lists the account's calendars with write access (owner or writer), paging to the end. */
export async function listGoogleCalendars(
  auth: OAuth2Client,
  gate: RequestGate,
  rootUrl?: string,
): Promise<GoogleCalendarEntry[]> {
  const api = google.calendar({ version: 'v3', auth, retry: false, ...(rootUrl ? { rootUrl } : {}) });
  const entries: GoogleCalendarEntry[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await gate.run(() =>
      api.calendarList.list({ minAccessRole: 'writer', pageToken, maxResults: 250 }),
    );
    for (const c of data.items ?? []) {
      if (!c.id) continue;
      entries.push({
        id: c.id,
        name: c.summaryOverride ?? c.summary ?? c.id,
        primary: c.primary === true,
        time_zone: c.timeZone ?? null,
      });
    }
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return entries;
}
