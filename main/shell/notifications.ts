/** Desktop notifications for what needs the person (sign in again, review deletions), when they are switched on. */
import { Notification } from 'electron';

/** Builds the notifier the agent calls; `enabled` is read each time so the setting applies at once. */
export function createNotifier(
  enabled: () => boolean,
  onClick: () => void,
): (title: string, body: string) => void {
  return (title, body) => {
    if (!enabled() || !Notification.isSupported()) return;
    const notification = new Notification({ title: `Sched Sync — ${title}`, body, silent: false });
    notification.on('click', onClick);
    notification.show();
  };
}
