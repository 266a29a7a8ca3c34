import { expect, test } from './helpers/agent-fixture';
import { sandboxInfo } from './helpers/sandbox-edits';
import { connectThroughWizard, signInThroughPopup } from './helpers/ui-flows';
import { openUi } from './helpers/open-ui';

const sam = 'sam@sandbox.example';

test('a revoked Google sign-in asks to sign in again, and syncing resumes after', async ({
  page,
  agent,
  request,
}) => {
  await openUi(page, agent);
  await connectThroughWizard(page, { resource: 'Classroom 101', email: sam });
  await page
    .getByRole('dialog', { name: 'Connect a calendar' })
    .getByRole('button', { name: 'Done' })
    .click();
  const info = await sandboxInfo(request, agent.url, agent.token);
  const revoked = await request.post(`${new URL(info.sched.base_url).origin}/sandbox/revoke`, {
    data: { provider: 'google', user: sam },
  });
  expect(revoked.ok()).toBe(true);

  const row = page.getByRole('row', { name: /Classroom 101/ });
  await row.getByRole('button', { name: 'Sync now' }).click();

  // In the page's content: the notification in the corner says it too.
  await expect(page.getByRole('main').getByText('Google Calendar needs you to sign in again')).toBeVisible({
    timeout: 60_000,
  });
  await expect(row).toContainText('Sign-in needed');
  await page.getByRole('button', { name: 'Accounts' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: sam })).toContainText('Sign-in needed');
  await page.screenshot({ path: 'test-results/accounts.png', fullPage: true });
  await page.getByRole('button', { name: 'Connections' }).click();
  await page.screenshot({ path: 'test-results/reauth.png', fullPage: true });

  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Sign in again' }).click(), sam);

  await expect(page.getByText(/Signed in again/)).toBeVisible();
  await row.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Synced Classroom 101/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(row).toContainText('Active');

  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('listitem').filter({ hasText: sam }).getByRole('button', { name: 'Sign out' }).click();
  const confirm = page.getByRole('dialog', { name: `Sign out of ${sam}?` });
  await confirm.getByRole('button', { name: 'Sign out' }).click();
  await expect(confirm.getByRole('alert')).toContainText('Disconnect it first, then sign out');
});
