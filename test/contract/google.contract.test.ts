import * as google from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import { syncWindow, type SyncWindow } from '../../main/sync';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { googleProviderFor, signedInGoogleClient } from './google-sandbox';
import { describeProviderContract, type AvailabilityCase } from './provider-contract';

const sandbox = useTestSandbox({ seed: 'empty' });

/** Events a person makes in Google Calendar, one per availability rule of SYNC.md, on day 12 of the window. */
async function googleAvailabilityCases(box: TestSandbox, window: SyncWindow): Promise<AvailabilityCase[]> {
  const user = box.info.google.users[0]!;
  const api = google.calendar({
    version: 'v3',
    auth: await signedInGoogleClient(box),
    rootUrl: box.info.google.root_url,
  });
  const day = Date.parse(window.start) + 12 * 86_400_000;
  let hour = 0;
  const insert = async (what: string, expected: 'busy' | 'free', body: calendar_v3.Schema$Event) => {
    hour += 2;
    const at = (h: number) => ({ dateTime: new Date(day + h * 3_600_000).toISOString(), timeZone: 'UTC' });
    const requestBody = { summary: what, start: at(hour), end: at(hour + 1), ...body };
    const { data } = await api.events.insert({ calendarId: 'primary', requestBody });
    return { what, id: data.id!, expected };
  };
  const date = new Date(day).toISOString().slice(0, 10);
  const next = new Date(day + 86_400_000).toISOString().slice(0, 10);
  return [
    await insert('opaque', 'busy', {}),
    await insert('transparent', 'free', { transparency: 'transparent' }),
    await insert('out of office', 'busy', { eventType: 'outOfOffice', outOfOfficeProperties: {} }),
    await insert('focus time', 'busy', { eventType: 'focusTime' }),
    await insert('working location', 'free', {
      eventType: 'workingLocation',
      start: { date },
      end: { date: next },
      workingLocationProperties: { type: 'homeOffice', homeOffice: {} },
    }),
    await insert('declined by the owner', 'free', {
      attendees: [
        { email: 'vendor@example.com', responseStatus: 'accepted' },
        { email: user, responseStatus: 'declined' },
      ],
    }),
    await insert('accepted by the owner', 'busy', {
      attendees: [
        { email: 'vendor@example.com', responseStatus: 'accepted' },
        { email: user, responseStatus: 'accepted' },
      ],
    }),
  ];
}

describeProviderContract(
  'google (sandbox)',
  async () => {
    const box = sandbox();
    return {
      provider: await googleProviderFor(box),
      window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC'),
      expireCursors: async () => {
        await call(`${box.url}/sandbox/sync-tokens/expire`, { method: 'POST', body: { target: 'google' } });
      },
      availabilityCases: (window) => googleAvailabilityCases(box, window),
    };
  },
  { readsAvailability: true, listsTagged: true },
);
