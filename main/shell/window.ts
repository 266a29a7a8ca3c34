/**
 * The one app window, locked down as ARCHITECTURE.md asks: context isolation, a sandboxed renderer without
 * Node, navigation and new windows blocked, every permission request refused.
 */
import { BrowserWindow, shell, type WebContents } from 'electron';

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
    },
  });
  lockDown(window.webContents, options.rendererUrl);
  void window.loadURL(options.rendererUrl);
  return window;
}

/** Blocks navigation away from the app and new windows; external https links open in the browser. */
function lockDown(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
