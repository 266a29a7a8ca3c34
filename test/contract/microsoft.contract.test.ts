import { createGraphClient } from '../../main/providers/microsoft';
import { syncWindow, type SyncWindow } from '../../main/sync';
import { useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  expireGraphCursors,
  graphProviderFor,
  primaryCalendarId,
  signedInMicrosoftAccount,
} from './microsoft-sandbox';
import { describeProviderContract, type AvailabilityCase } from './provider-contract';

const sandbox = useTestSandbox({ seed: 'empty' });

/**
 * Events a person makes in Outlook, one per `showAs` (day 12 of the window). Declined and cancelled invitations
 * need an organizer elsewhere, which only the demo seed has: test/integration/graph-availability.test.ts reads those.
 */
async function graphAvailabilityCases(box: TestSandbox, window: SyncWindow): Promise<AvailabilityCase[]> {
  const account = await signedInMicrosoftAccount(box);
  const client = createGraphClient(account.authProvider, box.info.microsoft.graph_url);
  const calendarId = await primaryCalendarId(box, account);
  const day = Date.parse(window.start) + 12 * 86_400_000;
  const cases: AvailabilityCase[] = [];
  const expected = { busy: 'busy', tentative: 'busy', oof: 'busy', free: 'free', workingElsewhere: 'free' };
  let hour = 0;
  for (const [showAs, availability] of Object.entries(expected)) {
    hour += 2;
    const at = (h: number) => ({
      dateTime: new Date(day + h * 3_600_000).toISOString().slice(0, 19),
      timeZone: 'UTC',
    });
    const event = await client
      .api(`/me/calendars/${encodeURIComponent(calendarId)}/events`)
      .header('Prefer', 'IdType="ImmutableId"')
      .post({ subject: `Shown as ${showAs}`, showAs, start: at(hour), end: at(hour + 1) });
    cases.push({
      what: `shown as ${showAs}`,
      id: event.id as string,
      expected: availability as 'busy' | 'free',
    });
  }
  return cases;
}

describeProviderContract(
  'microsoft (sandbox)',
  async () => {
    const box = sandbox();
    return {
      provider: await graphProviderFor(box),
      window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC'),
      expireCursors: () => expireGraphCursors(box),
      availabilityCases: (window) => graphAvailabilityCases(box, window),
    };
  },
  { readsAvailability: true, listsTagged: true },
);
