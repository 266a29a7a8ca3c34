/**
 * The tray icon and its menu: the app lives here, the window is opened on demand. Its icon, tooltip and menu are
 * rebuilt from the agent's status (tray-model.ts) whenever the composition root calls `update`.
 */
import { join } from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import {
  trayIconName,
  trayMenu,
  trayStateOf,
  trayStatusLine,
  type TrayMenuActions,
  type TraySnapshot,
  type TrayState,
} from './tray-model';

export interface TrayOptions {
  /** The folder of the tray PNGs (build/tray, or resources/tray when packaged); @2x files sit beside them. */
  iconDir: string;
  platform: NodeJS.Platform;
  actions: TrayMenuActions;
  formatTime?: (date: Date) => string;
}

/** The tray in place: `update` shows a new status. */
export interface AppTray {
  tray: Tray;
  update(snapshot: TraySnapshot): TrayState;
}

/** Creates the tray icon, idle until the first `update`. */
export function createTray(options: TrayOptions): AppTray {
  const formatTime = options.formatTime ?? ((d: Date) => d.toLocaleTimeString([], { timeStyle: 'short' }));
  // createFromPath picks up the @2x file beside each one, and `Template` names make macOS tint it.
  const icon = (state: TrayState) =>
    nativeImage.createFromPath(join(options.iconDir, trayIconName(state, options.platform)));
  const tray = new Tray(icon('idle'));
  tray.setToolTip('Sched Sync');
  tray.on('click', options.actions.open);
  let shown: TrayState | null = null;
  return {
    tray,
    update(snapshot) {
      const state = trayStateOf(snapshot);
      const line = trayStatusLine(snapshot, formatTime);
      if (state !== shown) tray.setImage(icon(state));
      shown = state;
      tray.setToolTip(`Sched Sync — ${line}`);
      tray.setContextMenu(Menu.buildFromTemplate(trayMenu(snapshot, options.actions, line)));
      return state;
    },
  };
}
