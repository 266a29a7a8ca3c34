import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLoginItems } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);
const { desktopEntry, setAutoStart, startsHidden } = await import('../../../main/shell/autostart');

let config: string;
beforeEach(async () => {
  config = await mkdtemp(join(tmpdir(), 'autostart-'));
  fakeLoginItems.set.length = 0;
});
afterEach(() => rm(config, { recursive: true, force: true }));

describe('setAutoStart', () => {
  it('on macOS registers a login item that opens the app hidden', async () => {
    await setAutoStart(true, 'darwin');

    expect(fakeLoginItems.set).toEqual([{ openAtLogin: true, openAsHidden: true }]);
  });

  it('on Windows registers a login item started with --hidden', async () => {
    await setAutoStart(false, 'win32');

    expect(fakeLoginItems.set).toEqual([{ openAtLogin: false, args: ['--hidden'] }]);
  });

  it('on Linux writes an XDG autostart entry with --hidden, and removes it again', async () => {
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/a/Apps/Sched Sync.AppImage' };
    const path = join(config, 'autostart', 'sched-sync.desktop');

    await setAutoStart(true, 'linux', env);
    const entry = await readFile(path, 'utf8');
    await setAutoStart(false, 'linux', env);

    expect(entry).toContain('Exec="/home/a/Apps/Sched Sync.AppImage" --hidden\n');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
    expect(fakeLoginItems.set).toEqual([]);
  });
});

describe('startsHidden', () => {
  it('stays in the tray for --hidden on every system', () => {
    expect(startsHidden(['app', '--hidden'], 'win32', {})).toBe(true);
    expect(startsHidden(['app', '--hidden'], 'linux', {})).toBe(true);
    expect(startsHidden(['app'], 'linux', {})).toBe(false);
  });

  it('on macOS stays in the tray when the login item opened it', () => {
    expect(startsHidden(['app'], 'darwin', { wasOpenedAtLogin: true })).toBe(true);
    expect(startsHidden(['app'], 'darwin', { wasOpenedAsHidden: true })).toBe(true);
    expect(startsHidden(['app'], 'darwin', { wasOpenedAtLogin: false })).toBe(false);
  });
});

describe('desktopEntry', () => {
  it('leaves a plain path unquoted', () => {
    expect(desktopEntry('/usr/bin/sched-sync')).toContain('Exec=/usr/bin/sched-sync --hidden\n');
  });
});
