import { expect, test } from './helpers/agent-fixture';
import { editBothSides, sandboxInfo } from './helpers/sandbox-edits';
import { connectThroughWizard } from './helpers/ui-flows';
import { openUi } from './helpers/open-ui';

const alex = 'alex@sandbox.example';

test('connect a Sched resource to a Google calendar, preview, sync, resolve a conflict and undo', async ({
  page,
  agent,
  request,
}) => {
  test.setTimeout(240_000);
  await openUi(page, agent);
  await expect(page.getByText('Sandbox mode')).toBeVisible();

  await connectThroughWizard(page, {
    resource: 'Meeting Room A',
    email: alex,
    onCalendarStep: () => page.screenshot({ path: 'test-results/connect-wizard.png' }).then(() => undefined),
  });
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });

  // Preview the first sync: planned writes in words and the guard's verdict.
  await wizard.getByRole('button', { name: 'Preview first sync' }).click();
  const preview = page.getByRole('dialog', { name: /^Preview:/ });
  await expect(preview.getByText(/^Create · .+/).first()).toBeVisible();
  await expect(preview.getByText(/Safe to sync/)).toBeVisible();
  await page.screenshot({ path: 'test-results/preview.png' });
  await preview.getByRole('button', { name: 'Close', exact: true }).first().click();

  await wizard.getByRole('button', { name: 'Sync now' }).click();
  await expect(wizard.getByText(/Synced Meeting Room A: \d+ created in Google Calendar/)).toBeVisible({
    timeout: 60_000,
  });
  await wizard.getByRole('button', { name: 'Done' }).click();

  // The table names the resource and the calendar, not ids.
  const row = page.getByRole('row', { name: /Meeting Room A/ });
  await expect(row).toContainText('Google Calendar');
  await expect(row).toContainText(alex);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Just now');
  await page.screenshot({ path: 'test-results/connections.png' });

  // Activity: the run with its counts per side.
  await page.getByRole('button', { name: 'Activity' }).click();
  const run = page.getByRole('row', { name: /Meeting Room A/ }).first();
  await expect(run).toContainText(/\d+ created/);
  await expect(run).toContainText('Done');

  // Someone edits the same booking in Sched and in Google Calendar; the next sync asks the person.
  const info = await sandboxInfo(request, agent.url, agent.token);
  const calendarId = await connectedCalendarId(request, agent.url, agent.token);
  const { title } = await editBothSides(request, info, {
    resourceId: 'rsc_meeting_room_a',
    calendarId,
    user: alex,
  });
  await page.getByRole('button', { name: 'Connections' }).click();
  await page
    .getByRole('row', { name: /Meeting Room A/ })
    .getByRole('button', { name: 'Sync now' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /conflict/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /Conflicts/ })).toContainText(/\d/);

  await page.getByRole('button', { name: /Conflicts/ }).click();
  const card = page.getByRole('article', { name: `Conflict: ${title} (moved to 10:30)` });
  await expect(card).toContainText(`${title} (bring the slides)`);
  await expect(card.locator('tr.differs')).toContainText('Title');
  await page.screenshot({ path: 'test-results/conflicts.png', fullPage: true });
  await card.getByRole('button', { name: "Keep Sched's version" }).click();
  await expect(card).toHaveCount(0);

  await page.getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByRole('row', { name: /Meeting Room A/ })).not.toHaveCount(0);
  await page.screenshot({ path: 'test-results/activity.png', fullPage: true });

  // Undo the first sync, after confirming.
  await page
    .getByRole('row')
    .filter({ hasText: /\d+ created/ })
    .last()
    .getByRole('button', { name: 'Undo' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Undo this sync?' });
  await confirm.getByRole('button', { name: 'Undo sync' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Undone|Undo finished/ })).toBeVisible({
    timeout: 60_000,
  });

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Start Sched Sync when I log in')).toBeVisible();
  await expect(page.getByText('This leaves Sandbox mode')).toBeVisible();
  await page.screenshot({ path: 'test-results/settings.png', fullPage: true });
});

async function connectedCalendarId(
  request: Parameters<typeof sandboxInfo>[0],
  url: string,
  token: string,
): Promise<string> {
  const response = await request.get(`${url}/api/calendars`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { calendars } = (await response.json()) as { calendars: { calendar_id: string }[] };
  if (!calendars[0]) throw new Error('No connection after the wizard.');
  return calendars[0].calendar_id;
}
