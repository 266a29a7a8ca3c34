import { expect, test } from './helpers/agent-fixture';
import { onlyConnectionCalendarId, SandboxApi } from './helpers/sandbox-api';
import { connectThroughWizard, firstSyncFromWizard } from './helpers/ui-flows';
import { openUi } from './helpers/open-ui';

const sam = 'sam@sandbox.example';
const resourceId = 'rsc_recording_studio';

test('an event that double-books a resource asks the person; Skip is remembered', async ({
  page,
  agent,
  request,
}) => {
  await openUi(page, agent);
  await connectThroughWizard(page, { resource: 'Recording Studio', email: sam });
  await firstSyncFromWizard(page, 'Recording Studio');

  // Someone puts their own event in the calendar at the time of a confirmed studio booking made in Sched.
  const sandbox = await SandboxApi.of(request, agent.url, agent.token);
  const calendarId = await onlyConnectionCalendarId(request, agent.url, agent.token);
  const now = await sandbox.now();
  const booking = (await sandbox.bookings(resourceId)).find(
    (b) => b.status === 'confirmed' && b.source === null && Date.parse(b.start) > now,
  );
  if (!booking) throw new Error('The demo seed has no future confirmed booking of the Recording Studio.');
  await sandbox.addEventOverlapping(sam, calendarId, booking, 'Band rehearsal');

  const row = page.getByRole('row', { name: /Recording Studio/ }).first();
  await row.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /conflict/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: /Conflicts/ }).click();
  const card = page.getByRole('article').filter({ hasText: 'Band rehearsal' });
  await expect(card).toContainText('Double booking');
  await expect(card).toContainText(booking.title);
  await expect(card.getByRole('button', { name: 'Import anyway' })).toBeVisible();
  await page.screenshot({ path: 'test-results/overlap.png', fullPage: true });

  await card.getByRole('button', { name: 'Skip' }).click();
  await expect(card).toHaveCount(0);

  await page.getByRole('button', { name: 'Connections' }).click();
  await row.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Synced Recording Studio/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /conflict/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Conflicts/ }).click();
  await expect(page.getByRole('article').filter({ hasText: 'Band rehearsal' })).toHaveCount(0);
  const bookings = await sandbox.bookings(resourceId);
  expect(bookings.filter((b) => b.title === 'Band rehearsal')).toHaveLength(0);
});
