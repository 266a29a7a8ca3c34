import { expect, test } from './helpers/agent-fixture';
import { onlyConnectionCalendarId, SandboxApi } from './helpers/sandbox-api';
import { connectThroughWizard } from './helpers/ui-flows';
import { openUi } from './helpers/open-ui';

const sam = 'sam@sandbox.example';
const resourceId = 'rsc_dr_maria_lopez';

test('deleting most synced events stops the sync for review; cancel keeps Sched, apply cancels the bookings', async ({
  page,
  agent,
  request,
}) => {
  await openUi(page, agent);
  await connectThroughWizard(page, { resource: 'Dr. Maria Lopez', email: sam });
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
  await wizard.getByRole('button', { name: 'Sync now' }).click();
  await expect(wizard.getByText(/Synced Dr\. Maria Lopez: \d+ created/)).toBeVisible({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Done' }).click();

  // Someone clears the calendar of almost everything the agent put there.
  const sandbox = await SandboxApi.of(request, agent.url, agent.token);
  const calendarId = await onlyConnectionCalendarId(request, agent.url, agent.token);
  const synced = await sandbox.syncedGoogleEvents(sam, calendarId);
  expect(synced.length).toBeGreaterThanOrEqual(8);
  const removed = synced.slice(0, synced.length - 1);
  const removedIds = new Set(removed.map((event) => event.extendedProperties?.private?.schedSyncBookingId));
  await sandbox.deleteGoogleEvents(sam, calendarId, removed);
  const confirmedBefore = (await sandbox.bookings(resourceId)).filter((b) => b.status === 'confirmed');

  const row = page.getByRole('row', { name: /Dr\. Maria Lopez/ }).first();
  await row.getByRole('button', { name: 'Sync now' }).click();
  const followup = page.locator('tr.followup');
  await expect(row).toContainText('Needs review', { timeout: 60_000 });
  await expect(followup).toContainText('The last sync was stopped before it deleted many items.');
  await expect(followup).toContainText('Review the deletions to apply or cancel them.');
  await page.screenshot({ path: 'test-results/needs-review.png', fullPage: true });

  await followup.getByRole('button', { name: 'Cancel deletions' }).click();
  await expect(followup).toHaveCount(0);
  await expect(row).toContainText('Active');
  const afterCancel = (await sandbox.bookings(resourceId)).filter((b) => b.status === 'confirmed');
  expect(afterCancel.map((b) => b.id).sort()).toEqual(confirmedBefore.map((b) => b.id).sort());

  // The cause is still there, so the next sync stops again; this time the person applies the deletions.
  await row.getByRole('button', { name: 'Sync now' }).click();
  await expect(followup).toContainText('The last sync was stopped', { timeout: 60_000 });
  await followup.getByRole('button', { name: 'Apply deletions' }).click();
  await expect(followup).toHaveCount(0, { timeout: 60_000 });
  await expect(row).toContainText('Active');

  const after = await sandbox.bookings(resourceId);
  const cancelled = after.filter((b) => removedIds.has(b.id));
  expect(cancelled.length).toBeGreaterThan(0);
  expect(cancelled.every((b) => b.status === 'cancelled')).toBe(true);
  const kept = after.filter((b) => !removedIds.has(b.id) && confirmedBefore.some((c) => c.id === b.id));
  expect(kept.every((b) => b.status === 'confirmed')).toBe(true);
});
