import { expect, test } from '@playwright/test';

test('the app shell renders and says when the agent cannot be reached', async ({ page }) => {
  await page.goto('http://127.0.0.1:4173/');

  await expect(page.getByRole('heading', { name: 'Sched Sync' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Connected calendars' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/agent/i);
  await page.screenshot({ path: 'test-results/app-shell.png', fullPage: true });
});
