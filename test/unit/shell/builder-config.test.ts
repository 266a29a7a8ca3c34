import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The `electronFuses:` block of electron-builder.yml, read as flat `key: boolean` lines. */
async function fusesOf(path: string): Promise<Record<string, boolean>> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === 'electronFuses:');
  const fuses: Record<string, boolean> = {};
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    const match = /^ {2}(\w+):\s*(true|false)\s*$/.exec(line);
    if (!match) break;
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

describe('electron-builder.yml', () => {
  it('flips the fuses that keep the packaged app from being run as something else', async () => {
    const fuses = await fusesOf(join(import.meta.dirname, '../../../electron-builder.yml'));

    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('the installers', () => {
  const root = join(import.meta.dirname, '../../..');
  const config = async () =>
    (await import('js-yaml')).load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      any
    >;

  it("passes electron-builder's own schema validation, with nothing downloaded", async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    const debug = new DebugLogger(false);

    await expect(validateConfiguration(await config(), debug)).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, dmg and nsis, with icons, a category and a desktop entry', async () => {
    const c = await config();

    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.mac.target).toBe('dmg');
    expect(c.win.target).toBe('nsis');
    expect(c.linux.category).toBe('Office');
    expect(c.linux.desktop.entry).toMatchObject({
      Name: 'Sched Sync',
      Categories: expect.stringContaining('Office'),
    });
    expect(existsSync(join(root, c.icon))).toBe(true);
    expect(c.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'build/tray', to: 'tray' },
        { from: 'build/icon.png', to: 'icon.png' },
      ]),
    );
  });

  it('rebuilds native modules for Electron at packaging', async () => {
    expect(await config()).toMatchObject({ npmRebuild: true, buildDependenciesFromSource: false });
  });

  it('gives deb what it needs from package.json: an author e-mail and a homepage', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });
});
