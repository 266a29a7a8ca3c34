/**
 * The Electron entry and composition root: single-instance lock, web guards, tray, window, start at login, IPC
 * wiring, and the triggers the scheduler listens for (resume, unlock, network back). The agent itself is built by
 * the same wiring as the headless one; nothing below this file knows about Electron except main/shell and the
 * transport.
 */
import { app, net, powerMonitor, session, shell, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { wireRuntime } from './agent-wiring';
import { LogRing } from './agent/diagnostics';
import { createLogger } from './agent/logger';
import { releaseMemoryWhenIdle } from './agent/memory-release';
import { watchOnline } from './scheduler/online-watcher';
import { KeychainSecretStore } from './secrets';
import { setAutoStart, startedHidden } from './shell/autostart';
import { createNotifier } from './shell/notifications';
import { openPrivateLog } from './shell/private-log';
import { createTray } from './shell/tray';
import { guardApp, guardSession } from './shell/web-guards';
import { uiContentSecurityPolicy } from './transport/security-headers';
import { createMainWindow } from './shell/window';
import { deploymentFileCandidates, readDeploymentFile } from './store/deployment-file';
import { settingsFileName } from './store/conf-settings-store';
import { openElectronSettingsStore } from './store/electron-settings-store';
import { registerElectronIpc } from './transport/electron-ipc';
import type { NoticeView } from '../preload/contract';
import { trustedSenders } from './transport/ipc';

const here = dirname(fileURLToPath(import.meta.url));
const devServer = process.env.VITE_DEV_SERVER_URL;
const rendererUrl = devServer ?? pathToFileURL(join(here, '../dist/renderer/index.html')).toString();
const trayIconDir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(here, '../build/tray');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  // Filled in once the agent is built; until then only the sign-in hosts may open.
  let linkSources: { sched: () => string | null; sandbox: () => string | null } | null = null;
  // Before any window exists, so every web contents is guarded from its first navigation.
  guardApp(app, {
    rendererUrl,
    externalPolicy: () => ({
      schedBaseUrl: linkSources?.sched() ?? null,
      sandboxUrl: linkSources?.sandbox() ?? null,
    }),
    openExternal: (url) => void shell.openExternal(url),
  });
  await app.whenReady();
  guardSession(session.defaultSession, uiContentSecurityPolicy);
  const dataDir = app.getPath('userData');
  const logger = createLogger(openPrivateLog(join(dataDir, 'sched-sync.log')));
  const freshSettings = !existsSync(join(dataDir, `${settingsFileName}.json`));
  const deployment = readDeploymentFile(
    deploymentFileCandidates(process.platform, app.getPath('exe'), process.env),
  );
  const settings = openElectronSettingsStore(dataDir);
  const logRing = new LogRing();
  let window: BrowserWindow | null = null;
  // `view`: the section to open (a notification's), as `#open=<view>` the renderer reads (use-open-view.ts).
  const show = (view?: NoticeView) => {
    const url = view ? `${rendererUrl}#open=${view}` : rendererUrl;
    if (window && view) void window.loadURL(url);
    if (!window) {
      window = createMainWindow({
        preloadPath: join(here, 'preload.cjs'),
        rendererUrl: url,
        iconPath: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(here, '../build/icon.png'),
      });
      window.once('closed', () => (window = null));
    }
    window.show();
    window.focus();
  };
  const { runtime, db } = wireRuntime({
    dataDir,
    settings,
    secrets: new KeychainSecretStore(),
    env: process.env,
    deployment,
    freshSettings,
    version: app.getVersion(),
    syncOnStart: true,
    logRing,
    log: (line) => {
      logRing.push(line);
      logger.info(line);
    },
    notify: createNotifier(() => settings.getSettings().notifications, show),
    applySettings: (next) => setAutoStart(next.auto_start),
  });
  linkSources = {
    sched: () => settings.getSched()?.base_url ?? null,
    sandbox: () => (runtime.mode === 'sandbox' ? (runtime.sandboxInfo?.url ?? null) : null),
  };
  await runtime.start();
  registerElectronIpc(
    runtime.agent,
    trustedSenders([devServer ?? pathToFileURL(join(here, '../dist/renderer/')).toString()]),
    (line) => logger.warn(line),
  );
  await setAutoStart(settings.getSettings().auto_start).catch((error: unknown) =>
    logger.warn({ msg: 'could not set start at login', error: String(error) }),
  );

  // "Pause all" / "Resume all" is the agent's pauseAll operation, so Sched hears of it like any pause.
  const pauseAll = (paused: boolean) =>
    void runtime.agent
      .pauseAll({ paused })
      .catch((error: unknown) => logger.warn({ msg: 'pause all failed', error: String(error) }));
  const tray = createTray({
    iconDir: trayIconDir,
    platform: process.platform,
    actions: {
      open: () => show(),
      syncNow: () => void runtime.agent.syncNow({}).catch(() => undefined),
      pauseAll,
      quit: () => app.quit(),
    },
  });
  let lastSync: Date | null = null;
  const refreshTray = async () => {
    const [{ calendars }, status, { conflicts }] = await Promise.all([
      runtime.agent.list(),
      runtime.agent.status(),
      runtime.agent.conflicts(),
    ]);
    tray.update({
      connections: calendars,
      syncing: status.syncing,
      conflicts: conflicts.length,
      pausedAll: calendars.length > 0 && calendars.every((c) => c.sync_status === 'paused'),
      lastSync,
    });
  };
  runtime.bus.subscribe((event) => {
    if (event.type === 'run-finished') lastSync = new Date();
    void refreshTray().catch((error: unknown) =>
      logger.warn({ msg: 'tray update failed', error: String(error) }),
    );
  });
  void refreshTray().catch(() => undefined);

  // A burst of runs gives its memory back as soon as the runs go idle (memory-release.ts), as in the headless agent.
  releaseMemoryWhenIdle(runtime.sync, (line) => logger.info(line));
  powerMonitor.on('resume', () => void runtime.sync.trigger('resume'));
  powerMonitor.on('unlock-screen', () => void runtime.sync.trigger('unlock'));
  watchOnline({ isOnline: () => net.isOnline(), onBackOnline: () => void runtime.sync.trigger('online') });
  app.on('second-instance', () => show());
  // The app lives in the tray: closing the window does not quit.
  app.on('window-all-closed', () => undefined);
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void runtime
      .stop()
      .finally(() => db.close())
      .finally(() => app.exit(0));
  });
  if (!startedHidden()) show();
}
