/**
 * The one app window, locked down as ARCHITECTURE.md asks: context isolation, a sandboxed renderer without
 * Node. Navigation, new windows and permissions are guarded for every web contents by web-guards.ts.
 */
import { BrowserWindow } from 'electron';

export interface WindowOptions {
  preloadPath: string;
  /** Where the renderer comes from: the packaged index.html (file://) or the Vite dev server. */
  rendererUrl: string;
  iconPath?: string;
}

/** Creates the window hidden; the caller shows it when the person asks (tray click, second launch). */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1040,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Sched Sync',
    icon: options.iconPath,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
    },
  });
  void window.loadURL(options.rendererUrl);
  return window;
}
