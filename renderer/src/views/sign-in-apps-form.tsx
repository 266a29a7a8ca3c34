import { useState } from 'react';
import type { AppSettingsView, OAuthClientSourceView } from '../../../preload/contract';
import { ErrorBanner, Notice } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useAction } from '../hooks/use-action';

const sourceText: Record<OAuthClientSourceView, string> = {
  environment: 'from a developer variable (SCHED_SYNC_*), which overrides this form',
  settings: 'typed here',
  deployment: 'from your administrator’s deployment file',
  release: 'built into this release',
};

/**
 * Settings → Accounts → "Sign-in apps": the OAuth clients this installation signs in with (docs/live-mode.md).
 * The Google client secret goes to the keychain; the form never shows it back, only that one is kept.
 */
export function SignInAppsForm({ initial }: { initial: AppSettingsView }) {
  const { api, changed } = useAgent();
  const [saved, setSaved] = useState(initial);
  const typed = (source: OAuthClientSourceView | undefined) => source === 'settings';
  const [googleId, setGoogleId] = useState(
    typed(initial.oauth_clients.google?.source) ? initial.oauth_clients.google!.client_id : '',
  );
  const [googleSecret, setGoogleSecret] = useState('');
  const [msId, setMsId] = useState(
    typed(initial.oauth_clients.microsoft?.source) ? initial.oauth_clients.microsoft!.client_id : '',
  );
  const [tenant, setTenant] = useState(
    typed(initial.oauth_clients.microsoft?.source) ? initial.oauth_clients.microsoft!.tenant : '',
  );
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const working = action.busy !== null;
  const googleLocked = saved.locked.includes('oauth_clients.google');
  const msLocked = saved.locked.includes('oauth_clients.microsoft');

  const save = async () => {
    setNotice(null);
    const next = await action.run('sign-in-apps', () =>
      api.updateSettings({
        oauth_clients: {
          ...(googleLocked
            ? {}
            : {
                google: googleId.trim()
                  ? { client_id: googleId.trim(), ...(googleSecret ? { client_secret: googleSecret } : {}) }
                  : null,
              }),
          ...(msLocked
            ? {}
            : {
                microsoft: msId.trim()
                  ? { client_id: msId.trim(), ...(tenant.trim() ? { tenant: tenant.trim() } : {}) }
                  : null,
              }),
        },
      }),
    );
    if (next) {
      setSaved(next);
      setGoogleSecret('');
      setNotice('Saved. Sign in to Google or Microsoft from Accounts.');
      changed();
    }
  };
  const inForce = (provider: 'google' | 'microsoft') => {
    const client = saved.oauth_clients[provider];
    return client
      ? `In use: ${client.client_id}, ${sourceText[client.source]}.`
      : 'Not configured: sign-in is off.';
  };

  return (
    <div className="card">
      <h3>Accounts → Sign-in apps</h3>
      <p className="muted small">
        Google and Microsoft need the app registrations of your organisation (see “Live mode” in the
        documentation). Sandbox mode does not use them.
      </p>
      <fieldset disabled={working || googleLocked}>
        <legend>Google</legend>
        <label>
          Client id
          <input
            value={googleId}
            onChange={(e) => setGoogleId(e.target.value)}
            placeholder="…apps.googleusercontent.com"
          />
        </label>
        <label>
          Client secret
          <input
            type="password"
            value={googleSecret}
            onChange={(e) => setGoogleSecret(e.target.value)}
            placeholder={saved.oauth_clients.google?.has_client_secret ? 'kept in the keychain' : ''}
            autoComplete="off"
          />
        </label>
        <p className="muted small">{googleLocked ? 'Set by your administrator.' : inForce('google')}</p>
      </fieldset>
      <fieldset disabled={working || msLocked}>
        <legend>Microsoft</legend>
        <label>
          Application (client) id
          <input value={msId} onChange={(e) => setMsId(e.target.value)} />
        </label>
        <label>
          Tenant
          <input value={tenant} onChange={(e) => setTenant(e.target.value)} placeholder="common" />
        </label>
        <p className="muted small">{msLocked ? 'Set by your administrator.' : inForce('microsoft')}</p>
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={working || (googleLocked && msLocked)}
          onClick={() => void save()}
        >
          {action.busy === 'sign-in-apps' ? 'Saving…' : 'Save sign-in apps'}
        </button>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={action.error} onDismiss={action.clearError} />
    </div>
  );
}
