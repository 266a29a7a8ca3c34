import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './helpers/agent-fixture';
import { openUi } from './helpers/open-ui';
import { sandboxInfo } from './helpers/sandbox-edits';
import { connectThroughWizard } from './helpers/ui-flows';

const jordan = 'jordan@sandbox.example';
const doctor = 'rsc_dr_maria_lopez';
const hour = 3_600_000;

/** The sandbox's clock, which its demo data and the agent's window follow. */
async function sandboxNow(request: APIRequestContext, origin: string): Promise<number> {
  const answer = await request.post(`${origin}/sandbox/clock`, { data: { advance_seconds: 0 } });
  return Date.parse(((await answer.json()) as { now: string }).now);
}

test('a doctor’s own Outlook event blocks her time, and Sched refuses a booking in that slot', async ({
  page,
  agent,
  request,
}) => {
  const info = await sandboxInfo(request, agent.url, agent.token);
  const origin = new URL(info.sched.base_url).origin;
  const graph = (info as unknown as { microsoft: { graph_url: string } }).microsoft.graph_url;
  const day = Math.floor((await sandboxNow(request, origin)) / (24 * hour)) * 24 * hour + 3 * 24 * hour;
  const start = new Date(day + 7 * hour).toISOString();
  const end = new Date(day + 8 * hour).toISOString();
  const tokens = await request.post(`${origin}/sandbox/tokens`, {
    data: { provider: 'microsoft', user: jordan },
  });
  const { access_token } = (await tokens.json()) as { access_token: string };
  const made = await request.post(`${graph}/v1.0/me/events`, {
    headers: { authorization: `Bearer ${access_token}` },
    data: {
      subject: 'Surgery rota',
      showAs: 'busy',
      start: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: end.slice(0, 19), timeZone: 'UTC' },
    },
  });
  expect(made.status()).toBe(201);

  await openUi(page, agent);
  await connectThroughWizard(page, {
    resource: 'Dr. Maria Lopez',
    email: jordan,
    provider: 'Microsoft',
    onSettingsStep: async () => {
      const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
      await wizard
        .getByRole('radio', { name: /This is Dr\. Maria Lopez’s own calendar: keep that time unavailable/ })
        .check();
    },
  });
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
  await wizard.getByRole('button', { name: 'Sync now' }).click();
  await expect(wizard.getByText(/Synced Dr\. Maria Lopez/)).toBeVisible({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Done' }).click();

  const sched = { authorization: `Bearer ${info.sched.api_key}` };
  const refused = await request.post(`${info.sched.base_url}/bookings`, {
    headers: sched,
    data: { resource_id: doctor, title: 'Check-up', start, end },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('slot_unavailable');
  const bookings = await request.get(
    `${info.sched.base_url}/bookings?resource_id=${doctor}&max_results=500`,
    {
      headers: sched,
    },
  );
  const fromOutlook = (
    (await bookings.json()) as { bookings: { source: unknown; title: string }[] }
  ).bookings.filter((b) => b.source !== null);
  // Her events became unavailable time, not bookings with her titles.
  expect(fromOutlook).toEqual([]);

  const row = page.getByRole('row', { name: /Dr\. Maria Lopez/ });
  await row.getByRole('button', { name: /Settings/ }).click();
  const dialog = page.getByRole('dialog', { name: /Settings for/ });
  await expect(dialog.getByRole('radio', { name: /This is Dr\. Maria Lopez’s own calendar/ })).toBeChecked();
  await page.screenshot({ path: 'test-results/availability.png', fullPage: true });
});
