import { expect, test } from './helpers/agent-fixture';
import { openUi } from './helpers/open-ui';

test('the app opens signed in, shows Sandbox mode, and says so when the agent goes away', async ({
  page,
  agent,
}) => {
  await openUi(page, agent);

  await expect(page.getByRole('heading', { name: 'Sched Sync' })).toBeVisible();
  await expect(page.getByText('Sandbox mode')).toBeVisible();
  await expect(page.getByText('Demo data: nothing leaves this computer.')).toBeVisible();
  await expect(page.getByText('No calendars connected yet')).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);

  await agent.stop();
  await page.getByRole('button', { name: 'Activity' }).click();

  await expect(page.getByRole('alert').first()).toContainText('not reachable');
});
