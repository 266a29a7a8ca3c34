import { expect, test } from './helpers/agent-fixture';
import { connectThroughWizard } from './helpers/ui-flows';
import { openUi } from './helpers/open-ui';

const jordan = 'jordan@sandbox.example';

test('connect a Sched resource to an Outlook calendar and see the first sync in Activity', async ({
  page,
  agent,
}) => {
  await openUi(page, agent);

  await connectThroughWizard(page, { resource: 'Dr. Maria Lopez', email: jordan, provider: 'Microsoft' });
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
  await wizard.getByRole('button', { name: 'Sync now' }).click();
  await expect(wizard.getByText(/Synced Dr\. Maria Lopez: \d+ created in Outlook/)).toBeVisible({
    timeout: 60_000,
  });
  await wizard.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row', { name: /Dr\. Maria Lopez/ });
  await expect(row).toContainText('Outlook');
  await expect(row).toContainText(jordan);
  await expect(row).toContainText('Active');
  await page.getByRole('button', { name: 'Activity' }).click();
  const run = page.getByRole('row', { name: /Dr\. Maria Lopez/ }).first();
  await expect(run).toContainText(/\d+ created/);
  await expect(run).toContainText('Outlook');
  await expect(run).toContainText('Done');
  await page.screenshot({ path: 'test-results/microsoft.png', fullPage: true });
});
