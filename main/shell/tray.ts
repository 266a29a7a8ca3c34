/** The tray icon and its menu: the app lives here, the window is opened on demand. */
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  quit(): void;
}

/** Creates the tray icon; `setStatus` updates its tooltip (e.g. "Syncing…", "2 conflicts"). */
export function createTray(
  iconPath: string,
  actions: TrayActions,
): { tray: Tray; setStatus(text: string): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Sched Sync');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Sched Sync', click: actions.open },
      { label: 'Sync now', click: actions.syncNow },
      { type: 'separator' },
      { label: 'Quit Sched Sync', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  return { tray, setStatus: (text) => tray.setToolTip(`Sched Sync — ${text}`) };
}
