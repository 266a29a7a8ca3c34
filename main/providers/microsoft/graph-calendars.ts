/**
 * The calendars of a Microsoft account, for the agent to show when a person picks one to connect.
 * https://learn.microsoft.com/graph/api/user-list-calendars
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphCaller } from './graph-caller';
import type { RefreshingSignIn } from '../sign-in-reading';
import { createMicrosoftGate } from './graph-calendar-provider';
import type { RequestGate } from '../gate';

/** One calendar as the agent lists it. */
export interface GraphCalendarSummary {
  id: string;
  name: string;
  /** The mailbox's default calendar (`isDefaultCalendar`). */
  primary: boolean;
  /** False for calendars shared read-only with the person. */
  canEdit: boolean;
}

interface CalendarPage {
  value?: Array<{ id?: string; name?: string; isDefaultCalendar?: boolean; canEdit?: boolean }>;
  '@odata.nextLink'?: string;
}

/** Every calendar of the signed-in mailbox, default first, following nextLinks to the end. */
export async function listGraphCalendars(
  client: Client,
  options: { gate?: RequestGate; account?: RefreshingSignIn } = {},
): Promise<GraphCalendarSummary[]> {
  const caller = new GraphCaller(client, options.gate ?? createMicrosoftGate(), options.account);
  const calendars: GraphCalendarSummary[] = [];
  let url: string | undefined = '/me/calendars?$select=id,name,isDefaultCalendar,canEdit&$top=100';
  while (url !== undefined) {
    const path: string = url;
    const page =
      (await caller.send('list calendars', () => caller.request(path).get() as Promise<CalendarPage>)) ?? {};
    for (const calendar of page.value ?? []) {
      if (!calendar.id) continue;
      calendars.push({
        id: calendar.id,
        name: calendar.name ?? '',
        primary: calendar.isDefaultCalendar === true,
        canEdit: calendar.canEdit !== false,
      });
    }
    url = page['@odata.nextLink'];
  }
  return calendars.sort((a, b) => Number(b.primary) - Number(a.primary));
}
