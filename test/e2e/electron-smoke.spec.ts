import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary's path, or null when its download never happened (as on machines with no internet).
 * Read from the package's path.txt rather than require('electron'), which would try to download it.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop app opens its window', async () => {
  test.skip(
    binary === null || !process.env.DISPLAY,
    'No Electron binary (its download is blocked here) or no display: the desktop shell is type-checked only.',
  );
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--show-window'] });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Sched Sync' })).toBeVisible();
  await app.close();
});
