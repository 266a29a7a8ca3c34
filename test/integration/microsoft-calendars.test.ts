import { describe, expect, it } from 'vitest';
import { createGraphClient, listGraphCalendars } from '../../main/providers/microsoft';
import { useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { signedInMicrosoftAccount } from '../contract/microsoft-sandbox';

const sandbox = useTestSandbox({ seed: 'demo' });

describe('listGraphCalendars', () => {
  it('lists the account’s calendars with the default one first and marked primary', async () => {
    const box = sandbox();
    const account = await signedInMicrosoftAccount(box);
    const client = createGraphClient(account.authProvider, box.info.microsoft.graph_url);

    const calendars = await listGraphCalendars(client, { account });

    expect(calendars.map(({ name, primary }) => ({ name, primary }))).toEqual([
      { name: 'Calendar', primary: true },
      { name: 'Team Events', primary: false },
    ]);
    expect(calendars.every((calendar) => calendar.id.length > 0 && calendar.canEdit)).toBe(true);
  });
});
