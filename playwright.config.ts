import { defineConfig } from '@playwright/test';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests in Chromium against the real headless agent with its embedded sandbox (test/e2e/helpers).
 * Playwright's own browser download is not possible on every machine (ours have no internet), so Debian's
 * /usr/bin/chromium is used whenever Playwright's browser is absent. The web UI must be built first (`npm run build`).
 */
const bundled = (() => {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
})();
const executablePath = bundled && existsSync(bundled) ? undefined : '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // The sandbox's sign-in pages are HTTPS with the sandbox's own CA, which the browser does not know.
    ignoreHTTPSErrors: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
});
