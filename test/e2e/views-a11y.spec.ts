/**
 * Every view and dialog at 800×600, 1280×800, 1440×900 and 1920×1080, light and dark: no serious or critical axe finding, no
 * sideways scroll, the keyboard alone reaches an item's details; and the README's screenshots (docs/images).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/agent-fixture';
import { openUi } from './helpers/open-ui';
import { onlyConnectionCalendarId, SandboxApi } from './helpers/sandbox-api';
import { connectThroughWizard, firstSyncFromWizard } from './helpers/ui-flows';
import { expectAccessible, expectNoSidewaysScroll, sizes } from './helpers/views-check';

const sam = 'sam@sandbox.example';
const resourceId = 'rsc_recording_studio';
const views = ['Connections', 'Schedule', 'Conflicts', 'Activity', 'Accounts', 'Settings'] as const;

test('every view and dialog: accessible, any window size, light and dark, keyboard alone', async ({
  page,
  agent,
  request,
}) => {
  test.setTimeout(300_000);
  await page.goto(agent.ui_url);
  await expect(page.getByRole('dialog', { name: 'Welcome to Sched Sync' })).toBeVisible();
  await expectAccessible(page, 'the welcome screen');
  await openUi(page, agent);
  await page.getByRole('button', { name: 'Connect a calendar' }).click();
  await expectAccessible(page, 'the connect wizard');
  await page
    .getByRole('dialog', { name: 'Connect a calendar' })
    .getByRole('button', { name: 'Close' })
    .click();

  await connectThroughWizard(page, { resource: 'Recording Studio', email: sam });
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
  await wizard.getByRole('button', { name: 'Preview first sync' }).click();
  const preview = page.getByRole('dialog', { name: /^Preview:/ });
  await expect(preview.getByText(/^Create · .+/).first()).toBeVisible();
  await expectAccessible(page, 'the preview');
  await preview.getByRole('button', { name: 'Close', exact: true }).first().click();
  await firstSyncFromWizard(page, 'Recording Studio');

  // A double booking, so Conflicts and the schedule have something to show: on the studio's first booking after
  // the demo seed's maintenance morning (a Wednesday; the studio is booked on Saturdays), so the schedule's week
  // shows the blocked time as well.
  const sandbox = await SandboxApi.of(request, agent.url, agent.token);
  const calendarId = await onlyConnectionCalendarId(request, agent.url, agent.token);
  const now = await sandbox.now();
  const maintenance = (await sandbox.exceptions(resourceId)).find((e) => e.reason?.startsWith('Maintenance'));
  if (!maintenance) throw new Error('The demo seed has no maintenance window in the Recording Studio.');
  const booking = (await sandbox.bookings(resourceId)).find(
    (b) =>
      b.status === 'confirmed' &&
      b.source === null &&
      Date.parse(b.start) > Math.max(now, Date.parse(maintenance.start)),
  );
  if (!booking)
    throw new Error('The demo seed has no confirmed booking of the Recording Studio after maintenance.');
  await sandbox.addEventOverlapping(sam, calendarId, booking, 'Band rehearsal');
  await page
    .getByRole('row', { name: /Recording Studio/ })
    .getByRole('button', { name: 'Sync now' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /conflict/ })).toBeVisible({ timeout: 60_000 });

  // The conflict shows the overlap on a timeline, on the resource's clock.
  await page.getByRole('button', { name: /Conflicts/ }).click();
  const card = page.getByRole('article').filter({ hasText: 'Band rehearsal' });
  await expect(card.getByRole('img', { name: /^Overlap: Sched booking/ })).toBeVisible();
  await expect(card).toContainText(/Times are in \S+, the resource's time zone/);

  // Activity: a run opens to its items; Undo says what it will do first.
  await page.getByRole('button', { name: 'Activity' }).click();
  const firstRun = page
    .getByRole('row')
    .filter({ hasText: /created/ })
    .last();
  await firstRun.getByRole('button', { name: 'Items' }).click();
  await expect(page.getByText(/^Created in Google Calendar/).first()).toBeVisible();
  await expectAccessible(page, 'a run opened to its items');
  await firstRun.getByRole('button', { name: 'Undo…' }).click();
  const undo = page.getByRole('dialog', { name: 'Undo this sync?' });
  await expect(undo.getByText(/^Remove “.+” from (Sched|Google Calendar)\./).first()).toBeVisible();
  await expectAccessible(page, 'the undo dialog');
  await undo.getByRole('button', { name: 'Cancel' }).click();

  // The schedule, by keyboard alone: the nav, then an item, opens its details; Esc closes them.
  await page.getByRole('button', { name: 'Schedule' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Schedule', exact: true })).toBeVisible();
  // Week by week to the double-booked slot.
  const band = page.getByRole('button', { name: /^Google Calendar\s*Band rehearsal.*Conflict$/ });
  for (let week = 0; week < 30 && (await band.count()) === 0; week++) {
    await expect(page.locator('.days')).toBeVisible({ timeout: 30_000 });
    if ((await band.count()) > 0) break;
    await page.getByRole('button', { name: /Next week/ }).click();
    await expect(page.locator('.days')).toBeVisible({ timeout: 30_000 });
  }
  await expect(band).toBeVisible();
  const item = page.getByRole('button', { name: /^Google Calendar\s*.*In sync$/ }).first();
  await expect(item).toBeVisible();
  await item.focus();
  expect(await item.evaluate('(el) => getComputedStyle(el).outlineStyle')).not.toBe('none');
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog');
  await expect(details.getByText('History')).toBeVisible();
  await expect(details.getByText(/: Created in (Sched|Google Calendar) by Sched Sync/).first()).toBeVisible();
  await expectAccessible(page, 'an item of the schedule');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: /^Google Calendar\s*Band rehearsal.*Conflict$/ }),
  ).toBeVisible();

  // The maintenance morning is blocked time: by Sched's reason, labelled "Blocked" in words and hatched, in the
  // legend, and its details say what it means. A connection that makes bookings leaves it in Sched.
  const blocked = page.getByRole('button', {
    name: /^Sched\s*Blocked\s*Maintenance: new acoustic panels\s*\d+:00\s*AM – \d+:00\s*PM\s*Not synced$/,
  });
  await expect(blocked).toBeVisible();
  await expect(blocked).toHaveCSS('background-image', /repeating-linear-gradient/);
  await expect(page.getByRole('list', { name: 'What the marks mean' })).toContainText(
    'Blocked time: Sched refuses bookings (1)',
  );
  await blocked.click();
  const block = page.getByRole('dialog', { name: 'Maintenance: new acoustic panels' });
  await expect(block).toContainText('Blocked time. Sched refuses bookings of this resource in this time.');
  await expect(block).toContainText(
    'Not copied to the calendar: this connection copies bookings, and blocked time stays in Sched',
  );
  await expectAccessible(page, 'blocked time in the schedule');
  await page.keyboard.press('Escape');
  await expect(block).toHaveCount(0);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const view of views) {
        await page.getByRole('button', { name: new RegExp(`^\\W*${view}`) }).click();
        await expect(page.getByRole('heading', { name: view, level: 2, exact: true })).toBeVisible();
        if (view === 'Schedule') await toBlockedWeek(page);
        const where = `${view} at ${size.width}×${size.height}, ${scheme}`;
        await expectNoSidewaysScroll(page, where);
        if (size.width === 1280) await expectAccessible(page, where);
        const path =
          size.width === 1280 && view !== 'Accounts' && view !== 'Settings'
            ? `docs/images/${view.toLowerCase()}-${scheme}.png`
            : `test-results/views/${view.toLowerCase()}-${size.width}-${scheme}.png`;
        await page.screenshot({ path, fullPage: size.width === 1280 });
      }
    }
  }
});

/** The schedule, opened on today's week, moved on to the week of the maintenance morning and the band's conflict. */
async function toBlockedWeek(page: Page): Promise<void> {
  const days = page.locator('.days');
  const blocked = page.getByRole('button', { name: /^Sched\s*Blocked\s*Maintenance/ });
  await expect(days).toBeVisible({ timeout: 30_000 });
  for (let week = 0; week < 3 && (await blocked.count()) === 0; week++) {
    await page.getByRole('button', { name: /Next week/ }).click();
    await expect(days).toBeVisible({ timeout: 30_000 });
  }
  await expect(blocked).toBeVisible();
}
