import { describe, expect, it } from 'vitest';
import {
  trayIconName,
  trayMenu,
  trayStateOf,
  trayStatusLine,
  type TraySnapshot,
} from '../../../main/shell/tray-model';

const snapshot = (over: Partial<TraySnapshot> = {}): TraySnapshot => ({
  connections: [{ calendar_id: 'a@x', sync_status: 'active' }],
  syncing: [],
  conflicts: 0,
  pausedAll: false,
  lastSync: new Date('2026-12-01T10:00:00Z'),
  ...over,
});
const time = () => '10:00';
const actions = { open: () => undefined, syncNow: () => undefined, quit: () => undefined };

describe('trayStateOf and trayStatusLine', () => {
  it.each([
    [snapshot(), 'idle', 'Up to date · last sync 10:00'],
    [snapshot({ connections: [] }), 'idle', 'No calendars connected'],
    [snapshot({ syncing: ['a@x'] }), 'syncing', 'Syncing 1 calendar…'],
    [
      snapshot({ connections: [{ calendar_id: 'a@x', sync_status: 'error' }] }),
      'error',
      '1 calendar could not sync',
    ],
    [
      snapshot({ connections: [{ calendar_id: 'a@x', sync_status: 'reauth_required' }], conflicts: 2 }),
      'attention',
      '1 sign-in needed, 2 conflicts',
    ],
    [
      snapshot({ connections: [{ calendar_id: 'a@x', sync_status: 'needs_review' }] }),
      'attention',
      '1 review needed',
    ],
    [snapshot({ pausedAll: true, syncing: ['a@x'] }), 'paused', 'Paused: nothing syncs until you resume'],
    [
      snapshot({ connections: [{ calendar_id: 'a@x', sync_status: 'paused' }] }),
      'paused',
      'Paused: nothing syncs until you resume',
    ],
  ] as const)('%# shows %s with the line %s', (input, state, line) => {
    expect(trayStateOf(input)).toBe(state);
    expect(trayStatusLine(input, time)).toBe(line);
  });
});

describe('trayIconName', () => {
  it('uses template images on macOS and colour icons elsewhere', () => {
    expect(trayIconName('error', 'darwin')).toBe('tray-errorTemplate.png');
    expect(trayIconName('error', 'win32')).toBe('tray-error.png');
  });
});

describe('trayMenu', () => {
  it('has the status line, Sync now, Pause all, Open and Quit', () => {
    const menu = trayMenu(snapshot(), { ...actions, pauseAll: () => undefined }, 'Up to date');

    expect(menu.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual([
      'Up to date',
      'Sync now',
      'Pause all',
      'Open Sched Sync',
      'Quit Sched Sync',
    ]);
    expect(menu[0]?.enabled).toBe(false);
  });

  it('offers Resume all while paused, and no Sync now then', () => {
    const calls: boolean[] = [];
    const menu = trayMenu(
      snapshot({ pausedAll: true }),
      { ...actions, pauseAll: (p) => calls.push(p) },
      'Paused',
    );
    const resume = menu.find((i) => i.label === 'Resume all');

    resume?.click?.();

    expect(calls).toEqual([false]);
    expect(menu.find((i) => i.label === 'Sync now')?.enabled).toBe(false);
  });

  it('greys out Pause all until the agent can pause', () => {
    const menu = trayMenu(snapshot(), actions, 'Up to date');

    expect(menu.find((i) => i.label === 'Pause all')).toMatchObject({ enabled: false });
  });
});
