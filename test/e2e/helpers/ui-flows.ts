/** What a person does in the UI, step by step, shared by the browser tests. */
import { expect, type Page } from '@playwright/test';

/** Finishes a sign-in on the sandbox's page, which the app opens in a new window when `trigger` is clicked. */
export async function signInThroughPopup(
  page: Page,
  trigger: () => Promise<void>,
  email: string,
): Promise<void> {
  const popupOpened = page.waitForEvent('popup');
  await trigger();
  const popup = await popupOpened;
  await popup.getByLabel('Email').fill(email);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await popup.waitForLoadState();
  await popup.close();
}

/**
 * Runs the "Connect a calendar" wizard up to the Done step: picks the resource, signs in with `provider` (Google
 * unless told) as `email`, picks that account's primary calendar and keeps the default settings.
 * `onCalendarStep` runs on the calendar step, `onSettingsStep` on the settings step.
 */
export async function connectThroughWizard(
  page: Page,
  options: {
    resource: string;
    email: string;
    provider?: 'Google' | 'Microsoft';
    onCalendarStep?: () => Promise<void>;
    /** Runs on the settings step, before Connect. */
    onSettingsStep?: () => Promise<void>;
  },
): Promise<void> {
  await page.getByRole('button', { name: 'Connect a calendar' }).click();
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
  await wizard.getByRole('radio', { name: new RegExp(options.resource) }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await signInThroughPopup(
    page,
    () => wizard.getByRole('button', { name: `Sign in with ${options.provider ?? 'Google'}` }).click(),
    options.email,
  );
  await expect(wizard.getByRole('radio', { name: new RegExp(options.email) })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.locator('label.choice', { hasText: 'Primary' }).getByRole('radio').check();
  await options.onCalendarStep?.();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByLabel('Direction')).toHaveValue('two-way');
  await options.onSettingsStep?.();
  await wizard.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(wizard.getByText(/is now connected to/)).toBeVisible();
}

/** Clicks the wizard's "Sync now", waits for its first run to answer, and closes the wizard with Done. */
export async function firstSyncFromWizard(page: Page, resource: string): Promise<void> {
  const wizard = page.getByRole('dialog', { name: 'Connect a calendar' });
  await wizard.getByRole('button', { name: 'Sync now' }).click();
  await expect(wizard.getByText(new RegExp(`Synced ${resource}: \\d+ created`))).toBeVisible({
    timeout: 60_000,
  });
  await wizard.getByRole('button', { name: 'Done' }).click();
}
