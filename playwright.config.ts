import { defineConfig } from '@playwright/test';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests in Chromium. Playwright's own browser download is not possible on every machine (ours have no
 * internet), so Debian's /usr/bin/chromium is used whenever Playwright's browser is absent.
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
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
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
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
  },
});
