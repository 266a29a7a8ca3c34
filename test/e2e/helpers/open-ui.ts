/** Opens the web UI of a fresh agent the way a person does on a first run: the welcome, answered with demo data. */
import { expect, type Page } from '@playwright/test';
import type { RunningAgent } from './agent-fixture';

/** Opens the UI and answers the first-run welcome with "Try it with demo data" (Sandbox mode, already running). */
export async function openUi(page: Page, agent: RunningAgent): Promise<void> {
  await page.goto(agent.ui_url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Sched Sync' });
  await welcome.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(welcome).toBeHidden();
}
