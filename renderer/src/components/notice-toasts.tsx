import { useEffect, useState } from 'react';
import type { AgentNotice, NoticeView } from '../../../preload/contract';
import type { AgentClient } from '../api/client';
import { openLabel } from '../lib/notice-links';

/** How many notifications stay on screen (two fit in the corner of the smallest window); older ones give way. */
const kept = 2;

/**
 * The agent's notifications inside the open UI (headless mode, where there is no desktop notification): each
 * with a button to the view that fixes it. The desktop app's client has no event stream and shows none here.
 */
export function NoticeToasts({
  client,
  onOpen,
}: {
  client: AgentClient;
  onOpen: (view: NoticeView) => void;
}) {
  const [notices, setNotices] = useState<{ key: number; notice: AgentNotice }[]>([]);

  useEffect(() => {
    if (!client.subscribe) return;
    let next = 0;
    return client.subscribe((event) => {
      if (event.type !== 'notification') return;
      const notice = event.data as AgentNotice;
      setNotices((shown) => [...shown, { key: next++, notice }].slice(-kept));
    });
  }, [client]);

  const dismiss = (key: number) => setNotices((shown) => shown.filter((n) => n.key !== key));
  return (
    <section className="notices" aria-label="Notifications" aria-live="polite">
      {notices.map(({ key, notice }) => (
        <div key={key} className={`notice notice-${notice.cause}`}>
          <p className="notice-title strong">{notice.title}</p>
          <p className="small">{notice.body}</p>
          <div className="button-row">
            {/* "Show me", not the view's name: the nav's buttons keep names of their own. */}
            <button
              type="button"
              className="primary"
              title={openLabel(notice.view)}
              onClick={() => {
                dismiss(key);
                onOpen(notice.view);
              }}
            >
              Show me
            </button>
            <button type="button" onClick={() => dismiss(key)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
