import { useCallback, useState } from 'react';
import type { AccountView, CalendarService } from '../../../preload/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner, Notice } from '../components/error-banner';
import { SignInWaiting } from '../components/sign-in-panel';
import { Tag } from '../components/status-badge';
import { useAgent } from '../hooks/agent-context';
import { useLoader } from '../hooks/use-loader';
import { useSignIn } from '../hooks/use-sign-in';
import { providerName, serviceName } from '../lib/labels';

const providers: CalendarService[] = ['google', 'microsoft'];

/** Signed-in Google and Microsoft accounts: sign in, sign in again, sign out. */
export function AccountsView() {
  const { api, version, changed } = useAgent();
  const load = useCallback(() => api.accounts(), [api]);
  const accounts = useLoader(load, version);
  const [leaving, setLeaving] = useState<AccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const signIn = useSignIn(api, (a) => {
    setNotice(`Signed in as ${a.email} (${providerName[a.provider]}).`);
    changed();
  });
  const list = accounts.data?.accounts;
  const signingIn = signIn.starting || signIn.pending !== null;

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
      <ErrorBanner message={signIn.error} />
      {signIn.pending && <SignInWaiting pending={signIn.pending} onCancel={signIn.cancel} />}
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
                <button
                  type="button"
                  className="primary"
                  disabled={signingIn}
                  onClick={() => void signIn.start(a.provider)}
                >
                  Sign in again
                </button>
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
        <p className="small muted">
          A page from Google or Microsoft opens; Sched Sync only asks to read and write calendars.
        </p>
        <div className="button-row">
          {providers.map((provider) => (
            <button
              key={provider}
              type="button"
              className={`provider provider-${provider}`}
              disabled={signingIn}
              onClick={() => void signIn.start(provider)}
            >
              Sign in with {providerName[provider]}
            </button>
          ))}
        </div>
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
