/**
 * Start at login without opening the window, on each system its own way: macOS and Windows through Electron's login
 * items (macOS opens the app hidden, Windows passes `--hidden`); Linux has none, so an XDG autostart entry
 * (~/.config/autostart/sched-sync.desktop, freedesktop "Desktop Application Autostart") starts it with `--hidden`.
 */
import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The flag that starts the app in the tray only. */
export const hiddenFlag = '--hidden';

/** Where the Linux autostart entry lives. */
export const desktopEntryPath = (env: Record<string, string | undefined> = process.env): string =>
  join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', 'sched-sync.desktop');

/** The .desktop file that starts the agent hidden in the tray. */
export function desktopEntry(execPath: string): string {
  const quoted = /[\s"\\]/.test(execPath) ? `"${execPath.replace(/(["\\`$])/g, '\\$1')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Sched Sync',
    'Comment=Keeps Sched bookings in step with Google Calendar and Outlook',
    `Exec=${quoted} ${hiddenFlag}`,
    'Icon=sched-sync',
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** The login item of macOS and Windows for `enabled`. */
export function loginItemSettingsFor(
  platform: NodeJS.Platform,
  enabled: boolean,
): { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] } {
  if (platform === 'darwin') return { openAtLogin: enabled, openAsHidden: true };
  return { openAtLogin: enabled, args: [hiddenFlag] };
}

/**
 * Whether this start should stay in the tray: `--hidden` (Windows login item, Linux autostart, or typed), or on
 * macOS a start by the login item (`wasOpenedAtLogin`; `wasOpenedAsHidden` on systems before macOS 13).
 */
export function startsHidden(
  argv: readonly string[],
  platform: NodeJS.Platform,
  loginItem: { wasOpenedAtLogin?: boolean; wasOpenedAsHidden?: boolean },
): boolean {
  if (argv.includes(hiddenFlag)) return true;
  return platform === 'darwin' && Boolean(loginItem.wasOpenedAtLogin || loginItem.wasOpenedAsHidden);
}

/** Turns start-at-login on or off for this user. */
export async function setAutoStart(
  enabled: boolean,
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  if (platform !== 'linux') {
    app.setLoginItemSettings(loginItemSettingsFor(platform, enabled));
    return;
  }
  const path = desktopEntryPath(env);
  if (!enabled) {
    await rm(path, { force: true });
    return;
  }
  await mkdir(join(path, '..'), { recursive: true });
  // An AppImage runs from a temporary mount; APPIMAGE is the file itself, which is what must start at login.
  await writeFile(path, desktopEntry(env.APPIMAGE ?? process.execPath));
}

/** Whether the running app was started to stay in the tray. */
export function startedHidden(argv: readonly string[] = process.argv): boolean {
  return startsHidden(
    argv,
    process.platform,
    process.platform === 'darwin' ? app.getLoginItemSettings() : {},
  );
}
