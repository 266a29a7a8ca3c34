import { useCallback, useState } from 'react';
import type { AccountView } from '../../../preload/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner, Notice } from '../components/error-banner';
import { SignInPanel } from '../components/sign-in-panel';
import { Tag } from '../components/status-badge';
import { useAgent } from '../hooks/agent-context';
import { useLoader } from '../hooks/use-loader';
import { providerName, serviceName } from '../lib/labels';

/** Signed-in Google and Microsoft accounts: sign in, sign out. */
export function AccountsView() {
  const { api, version, changed } = useAgent();
  const load = useCallback(() => api.accounts(), [api]);
  const accounts = useLoader(load, version);
  const [leaving, setLeaving] = useState<AccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = accounts.data?.accounts;

  return (
    <section aria-labelledby="accounts-title">
      <div className="section-head">
        <div>
          <h2 id="accounts-title">Accounts</h2>
          <p className="muted small">
            The Google and Microsoft accounts Sched Sync may use. Sign-ins are kept in your system keychain.
          </p>
        </div>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={accounts.error} />
      {accounts.loading && !list && <p className="muted">Loading accounts…</p>}
      {list && list.length === 0 && (
        <EmptyState title="No accounts yet">
          Sign in below to connect calendars from Google or Microsoft.
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <ul className="account-list">
          {list.map((a) => (
            <li key={a.account_id} className="card account">
              <div>
                <div className="strong">{a.email}</div>
                <div className="muted small">{serviceName[a.provider]}</div>
              </div>
              <span className="spacer" />
              {a.status === 'ok' ? <Tag tone="ok">Signed in</Tag> : <Tag tone="bad">Sign-in needed</Tag>}
              {a.status === 'reauth_required' && (
                <SignInPanel
                  providers={[a.provider]}
                  label={() => 'Sign in again'}
                  onSignedIn={() => setNotice(`Signed in again as ${a.email}.`)}
                />
              )}
              <button type="button" onClick={() => setLeaving(a)}>
                Sign out
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="card subsection">
        <h3>Add an account</h3>
        <SignInPanel
          onSignedIn={(a) => setNotice(`Signed in as ${a.email} (${providerName[a.provider]}).`)}
        />
      </div>
      {leaving && (
        <ConfirmDialog
          title={`Sign out of ${leaving.email}?`}
          confirmLabel="Sign out"
          danger
          onClose={() => setLeaving(null)}
          onConfirm={async () => {
            const result = await api.removeAccount({ account_id: leaving.account_id });
            setNotice(result.message);
            changed();
          }}
        >
          <p>Sched Sync forgets this sign-in and removes it from your keychain.</p>
          <p className="muted">Calendars that still use this account must be disconnected first.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
