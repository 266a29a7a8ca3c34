import { expect, test } from './helpers/agent-fixture';
import { sandboxInfo } from './helpers/sandbox-edits';

test('a first run welcomes the person over Sandbox mode with its demo data; the demo choice is remembered', async ({
  page,
  agent,
}) => {
  await page.goto(agent.ui_url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Sched Sync' });

  await expect(welcome).toBeVisible();
  // The demo data is already running behind it, as the README promises of a first start.
  await expect(page.locator('.topbar')).toContainText('Sandbox mode');
  await welcome.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(welcome).toBeHidden();
  await expect(page.getByText('No calendars connected yet')).toBeVisible();

  await page.reload();
  await expect(page.getByText('No calendars connected yet')).toBeVisible();
  await expect(welcome).toHaveCount(0);
});

test('"Connect your Sched" checks the URL and key first, says plainly what is wrong, and changes nothing', async ({
  page,
  agent,
  request,
}) => {
  const sched = (await sandboxInfo(request, agent.url, agent.token)).sched.base_url;
  await page.goto(agent.ui_url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Sched Sync' });
  await welcome.getByRole('button', { name: 'Connect your Sched' }).click();
  await expect(welcome).toContainText('forgets the demo data: the demo connections');
  const attempt = async (url: string, key: string) => {
    await welcome.getByLabel('Sched API address').fill(url);
    await welcome.getByLabel('API key').fill(key);
    await welcome.getByRole('button', { name: 'Check and connect' }).click();
    return welcome.getByRole('alert');
  };

  await expect(await attempt(sched, 'not-the-key')).toContainText('Sched did not accept this API key');
  await expect(await attempt(new URL(sched).origin, 'not-the-key')).toContainText(
    "This address is not Sched's API",
  );
  await expect(await attempt('https://127.0.0.1:9/v1', 'not-the-key')).toContainText(
    'Sched could not be reached',
  );

  await welcome.getByRole('button', { name: 'Back' }).click();
  await expect(welcome.getByRole('button', { name: 'Try it with demo data' })).toBeVisible();
  const status = await request.get(`${agent.url}/api/status`, {
    headers: { authorization: `Bearer ${agent.token}` },
  });
  expect(await status.json()).toMatchObject({ mode: 'sandbox', first_run: true });
});
