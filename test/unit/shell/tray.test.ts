import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { trayStates } from '../../../main/shell/tray-model';
import type { FakeTray } from './fake-electron';
import { type FakeMenu } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);
const { createTray } = await import('../../../main/shell/tray');

const iconDir = join(import.meta.dirname, '../../../build/tray');
const idle = { connections: [], syncing: [], conflicts: 0, pausedAll: false, lastSync: null };

function make(platform: NodeJS.Platform, opened: string[] = []) {
  const app = createTray({
    iconDir,
    platform,
    actions: {
      open: () => opened.push('open'),
      syncNow: () => opened.push('sync'),
      quit: () => opened.push('quit'),
    },
  });
  return { app, fake: app.tray as unknown as FakeTray };
}

describe('createTray', () => {
  it('starts idle and opens the window on click', () => {
    const opened: string[] = [];
    const { fake } = make('linux', opened);

    fake.emit('click');

    expect(fake.image.path).toBe(join(iconDir, 'tray-idle.png'));
    expect(opened).toEqual(['open']);
  });

  it('shows the icon, tooltip and menu of the new status, changing the image only when the state changes', () => {
    const { app, fake } = make('darwin');
    const syncing = {
      ...idle,
      connections: [{ calendar_id: 'a', sync_status: 'active' as const }],
      syncing: ['a'],
    };

    app.update(syncing);
    app.update(syncing);

    expect(fake.image.path).toBe(join(iconDir, 'tray-syncingTemplate.png'));
    expect(fake.imagesSet).toBe(1);
    expect(fake.tooltip).toBe('Sched Sync — Syncing 1 calendar…');
    expect((fake.menu as FakeMenu).items[0]).toMatchObject({ label: 'Syncing 1 calendar…', enabled: false });
  });

  it('Quit in the menu quits', () => {
    const opened: string[] = [];
    const { app, fake } = make('win32', opened);

    app.update(idle);
    (fake.menu as FakeMenu).items.find((i) => i.label === 'Quit Sched Sync')?.click?.();

    expect(opened).toEqual(['quit']);
  });
});

describe('the tray icons in build/tray', () => {
  it.each(trayStates)('has %s at 1x and 2x, in colour and as a macOS template', (state) => {
    for (const name of [`tray-${state}`, `tray-${state}Template`]) {
      expect(existsSync(join(iconDir, `${name}.png`))).toBe(true);
      expect(existsSync(join(iconDir, `${name}@2x.png`))).toBe(true);
    }
  });
});
