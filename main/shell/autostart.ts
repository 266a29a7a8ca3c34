/**
 * Start at login. macOS and Windows use Electron's login items; Linux has none, so an XDG autostart entry
 * (~/.config/autostart/sched-sync.desktop, per the freedesktop Desktop Application Autostart spec) is written.
 */
import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

const desktopEntryPath = () =>
  join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'sched-sync.desktop');

/** The .desktop file that starts the agent hidden in the tray. */
export function desktopEntry(execPath: string): string {
  const quoted = execPath.includes(' ') ? `"${execPath}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Sched Sync',
    'Comment=Keeps Sched bookings in step with Google Calendar and Outlook',
    `Exec=${quoted} --hidden`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** Turns start-at-login on or off for this user. */
export async function setAutoStart(enabled: boolean): Promise<void> {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
    return;
  }
  const path = desktopEntryPath();
  if (!enabled) {
    await rm(path, { force: true });
    return;
  }
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, desktopEntry(process.env.APPIMAGE ?? process.execPath));
}
