/**
 * Desktop notifications for what needs the person (main/agent/notice-memory.ts decides which, one per cause):
 * a sign-in or review needed, new conflicts and double bookings, a run that failed. Clicking one opens the view
 * that fixes it.
 */
import { Notification } from 'electron';
import type { AgentNotice, NoticeView } from '../../preload/contract';

/**
 * Builds the notifier the agent calls; `enabled` is read each time so the setting applies at once, and `open`
 * shows the window on the notification's view.
 */
export function createNotifier(
  enabled: () => boolean,
  open: (view: NoticeView) => void,
): (notice: AgentNotice) => void {
  // Kept until closed or clicked: a notification Electron no longer references may lose its click handler.
  const shown = new Set<Notification>();
  return (notice) => {
    if (!enabled() || !Notification.isSupported()) return;
    const notification = new Notification({
      title: `Sched Sync — ${notice.title}`,
      body: notice.body,
      silent: false,
    });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      open(notice.view);
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };
}
