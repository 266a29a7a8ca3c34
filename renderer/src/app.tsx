import { useCallback, useMemo, useState } from 'react';
import type { AgentStatus } from '../../preload/contract';
import type { AgentClient } from './api/client';
import { ErrorBanner } from './components/error-banner';
import { Nav, type Section } from './components/nav';
import { NoticeToasts } from './components/notice-toasts';
import { TopBar } from './components/top-bar';
import { AgentContext } from './hooks/agent-context';
import { useLiveVersion } from './hooks/use-live-version';
import { useLoader } from './hooks/use-loader';
import { useOpenView } from './hooks/use-open-view';
import { AccountsView } from './views/accounts-view';
import { ActivityView } from './views/activity-view';
import { ConflictsView } from './views/conflicts-view';
import { ConnectionsView } from './views/connections-view';
import { ScheduleView } from './views/schedule-view';
import { SettingsView } from './views/settings-view';
import { WelcomeScreen } from './views/welcome-screen';

/** The app shell: top bar, left nav and the current section. */
export function App({ client }: { client: AgentClient }) {
  const { api } = client;
  const [section, setSection] = useState<Section>('connections');
  const [busy, setBusy] = useState(false);
  // Closed with × or Esc: not shown again until the next start (answering it remembers the choice).
  const [welcomeClosed, setWelcomeClosed] = useState(false);
  useOpenView(setSection);
  const { version, changed } = useLiveVersion(client, busy);

  const loadHeader = useCallback(async () => {
    const [status, conflicts] = await Promise.all([api.status(), api.conflicts()]);
    setBusy(status.syncing.length > 0);
    return { status, conflicts: conflicts.conflicts.length };
  }, [api]);
  const header = useLoader<{ status: AgentStatus; conflicts: number }>(loadHeader, version);
  const context = useMemo(() => ({ api, version, changed }), [api, version, changed]);

  return (
    <AgentContext.Provider value={context}>
      <div className="shell">
        <TopBar status={header.data?.status} />
        <div className="body">
          <Nav current={section} onSelect={setSection} conflicts={header.data?.conflicts ?? 0} />
          <main className="content">
            {header.error && !header.data && <ErrorBanner message={header.error} />}
            {header.data?.status.keychain === 'unavailable' && (
              <div role="alert" className="banner warn">
                The system keychain is not available, so Sched Sync cannot keep sign-ins safe and will not
                store them. Unlock or install a keychain (on Linux: GNOME Keyring or KWallet), then restart
                Sched Sync.
              </div>
            )}
            {section === 'connections' && <ConnectionsView onOpenSettings={() => setSection('settings')} />}
            {section === 'schedule' && <ScheduleView />}
            {section === 'conflicts' && <ConflictsView />}
            {section === 'activity' && <ActivityView />}
            {section === 'accounts' && <AccountsView />}
            {section === 'settings' && <SettingsView status={header.data?.status} />}
          </main>
        </div>
        <NoticeToasts client={client} onOpen={setSection} />
        {header.data?.status.first_run && !welcomeClosed && (
          <WelcomeScreen onClose={() => setWelcomeClosed(true)} />
        )}
      </div>
    </AgentContext.Provider>
  );
}
