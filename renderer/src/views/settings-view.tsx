import { useCallback, useState } from 'react';
import type { AgentStatus, AppSettingsView, SyncSettings } from '../../../preload/contract';
import { ErrorBanner, Notice } from '../components/error-banner';
import { SyncSettingsForm } from '../components/sync-settings-form';
import { useAgent } from '../hooks/agent-context';
import { useAction } from '../hooks/use-action';
import { useLoader } from '../hooks/use-loader';
import { AboutCard } from './about-card';
import { SchedConnectionForm } from './sched-connection-form';
import { SignInAppsForm } from './sign-in-apps-form';

/** App settings: start at login, notifications, default sync settings, and the Sched connection. */
export function SettingsView({ status }: { status: AgentStatus | undefined }) {
  const { api } = useAgent();
  const load = useCallback(() => api.getSettings(), [api]);
  // Loaded once: a form must not be reset under the person's hands by a live update.
  const settings = useLoader(load, 0);

  return (
    <section aria-labelledby="settings-title">
      <div className="section-head">
        <h2 id="settings-title">Settings</h2>
      </div>
      <ErrorBanner message={settings.error} />
      {settings.loading && <p className="muted">Loading settings…</p>}
      {settings.data && <AppSettingsForm initial={settings.data} />}
      {settings.data && <SignInAppsForm initial={settings.data} />}
      <SchedConnectionForm status={status} />
      <AboutCard status={status} />
    </section>
  );
}

function AppSettingsForm({ initial }: { initial: AppSettingsView }) {
  const { api, changed } = useAgent();
  const [saved, setSaved] = useState(initial);
  const [defaults, setDefaults] = useState<SyncSettings>(initial.default_sync_settings);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const working = action.busy !== null;

  const toggle = async (key: 'auto_start' | 'notifications', value: boolean) => {
    setNotice(null);
    const next = await action.run(key, () => api.updateSettings({ [key]: value }));
    if (next) {
      setSaved(next);
      changed();
    }
  };
  const saveDefaults = async () => {
    setNotice(null);
    const next = await action.run('defaults', () => api.updateSettings({ default_sync_settings: defaults }));
    if (next) {
      setSaved(next);
      setDefaults(next.default_sync_settings);
      setNotice('Saved. New connections start with these settings; existing ones keep their own.');
      changed();
    }
  };
  const dirty = JSON.stringify(defaults) !== JSON.stringify(saved.default_sync_settings);

  return (
    <>
      <div className="card">
        <h3>General</h3>
        <label className="check">
          <input
            type="checkbox"
            checked={saved.auto_start}
            disabled={working || saved.locked.includes('auto_start')}
            onChange={(e) => void toggle('auto_start', e.target.checked)}
          />
          <span>
            Start Sched Sync when I log in
            <span className="muted small block">It then syncs in the background from the system tray.</span>
          </span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={saved.notifications}
            disabled={working || saved.locked.includes('notifications')}
            onChange={(e) => void toggle('notifications', e.target.checked)}
          />
          <span>
            Show notifications
            <span className="muted small block">
              When a calendar needs a sign-in or a review, on new conflicts and double bookings, and when a
              sync fails. Applies at once.
            </span>
          </span>
        </label>
      </div>
      <div className="card">
        <h3>Defaults for new connections</h3>
        <SyncSettingsForm value={defaults} onChange={setDefaults} disabled={working} />
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={working || !dirty}
            onClick={() => void saveDefaults()}
          >
            {action.busy === 'defaults' ? 'Saving…' : 'Save defaults'}
          </button>
          {dirty && (
            <button type="button" disabled={working} onClick={() => setDefaults(saved.default_sync_settings)}>
              Discard changes
            </button>
          )}
        </div>
        <Notice message={notice} onDismiss={() => setNotice(null)} />
      </div>
      <ErrorBanner message={action.error} onDismiss={action.clearError} />
    </>
  );
}
