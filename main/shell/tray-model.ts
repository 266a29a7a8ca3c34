/**
 * What the tray shows, as pure functions of the agent's status: which of five states (each with its icon), the
 * status line, the tooltip and the menu. main/shell/tray.ts hands the result to Electron; nothing here touches it.
 */
import type { SyncStatus } from '../../preload/contract';

export const trayStates = ['idle', 'syncing', 'attention', 'error', 'paused'] as const;
export type TrayState = (typeof trayStates)[number];

/** The agent's status as the tray reads it. */
export interface TraySnapshot {
  connections: { calendar_id: string; sync_status: SyncStatus }[];
  /** Calendars with a run in progress. */
  syncing: string[];
  /** Conflicts waiting for the person. */
  conflicts: number;
  /** Everything is paused (the "Pause all" switch). */
  pausedAll: boolean;
  /** When the last run finished, or null. */
  lastSync: Date | null;
}

const needsPerson = (s: SyncStatus) => s === 'reauth_required' || s === 'needs_review';

/**
 * The state shown: paused when everything is paused (nothing else can change then), syncing while a run goes,
 * error when a connection failed, needs attention when a person must act, idle otherwise.
 */
export function trayStateOf(snapshot: TraySnapshot): TrayState {
  const { connections } = snapshot;
  if (snapshot.pausedAll || (connections.length > 0 && connections.every((c) => c.sync_status === 'paused')))
    return 'paused';
  if (snapshot.syncing.length > 0) return 'syncing';
  if (connections.some((c) => c.sync_status === 'error')) return 'error';
  if (snapshot.conflicts > 0 || connections.some((c) => needsPerson(c.sync_status))) return 'attention';
  return 'idle';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line that says what is going on, for the menu's first item and the tooltip. */
export function trayStatusLine(snapshot: TraySnapshot, formatTime: (d: Date) => string): string {
  const state = trayStateOf(snapshot);
  const count = (pred: (s: SyncStatus) => boolean) =>
    snapshot.connections.filter((c) => pred(c.sync_status)).length;
  switch (state) {
    case 'paused':
      return 'Paused: nothing syncs until you resume';
    case 'syncing':
      return `Syncing ${plural(snapshot.syncing.length, 'calendar')}…`;
    case 'error':
      return `${plural(
        count((s) => s === 'error'),
        'calendar',
      )} could not sync`;
    case 'attention': {
      const parts = [
        count((s) => s === 'reauth_required') > 0 &&
          `${plural(
            count((s) => s === 'reauth_required'),
            'sign-in',
          )} needed`,
        count((s) => s === 'needs_review') > 0 &&
          `${plural(
            count((s) => s === 'needs_review'),
            'review',
          )} needed`,
        snapshot.conflicts > 0 && plural(snapshot.conflicts, 'conflict'),
      ].filter(Boolean);
      return parts.join(', ');
    }
    case 'idle':
      if (snapshot.connections.length === 0) return 'No calendars connected';
      return snapshot.lastSync ? `Up to date · last sync ${formatTime(snapshot.lastSync)}` : 'Up to date';
  }
}

/** The tray icon file of a state: template images on macOS (the menu bar tints them), colour elsewhere. */
export function trayIconName(state: TrayState, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`;
}

/** What the menu's items do; `pauseAll` is absent until the agent can pause (the item is then greyed out). */
export interface TrayMenuActions {
  open(): void;
  syncNow(): void;
  pauseAll?: (paused: boolean) => void;
  quit(): void;
}

/** A menu item as Electron's `Menu.buildFromTemplate` takes it. */
export interface TrayMenuItem {
  label?: string;
  type?: 'separator' | 'normal';
  enabled?: boolean;
  click?: () => void;
}

/** The menu: the status line, Sync now, Pause all (or Resume all), Open, Quit. */
export function trayMenu(
  snapshot: TraySnapshot,
  actions: TrayMenuActions,
  statusLine: string,
): TrayMenuItem[] {
  const paused = trayStateOf(snapshot) === 'paused';
  const { pauseAll } = actions;
  return [
    { label: statusLine, enabled: false },
    { type: 'separator' },
    { label: 'Sync now', enabled: !paused && snapshot.syncing.length === 0, click: actions.syncNow },
    {
      label: paused ? 'Resume all' : 'Pause all',
      enabled: pauseAll !== undefined,
      ...(pauseAll ? { click: () => pauseAll(!paused) } : {}),
    },
    { type: 'separator' },
    { label: 'Open Sched Sync', click: actions.open },
    { label: 'Quit Sched Sync', click: actions.quit },
  ];
}
