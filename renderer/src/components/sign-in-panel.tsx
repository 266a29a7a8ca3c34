import type { AccountView, CalendarService } from '../../../preload/contract';
import { useAgent } from '../hooks/agent-context';
import { useSignIn, type PendingSignIn } from '../hooks/use-sign-in';
import { providerName } from '../lib/labels';
import { ErrorBanner } from './error-banner';

interface Props {
  onSignedIn: (account: AccountView) => void;
  /** Only these providers (default: both). */
  providers?: CalendarService[];
}

/** "Sign in with Google / Microsoft", then waits for the person to finish on the provider's page. */
export function SignInPanel({ onSignedIn, providers = ['google', 'microsoft'] }: Props) {
  const { api, changed } = useAgent();
  const signIn = useSignIn(api, (account) => {
    changed();
    onSignedIn(account);
  });

  if (signIn.pending) return <SignInWaiting pending={signIn.pending} onCancel={signIn.cancel} />;
  return (
    <div>
      <div className="button-row">
        {providers.map((provider) => (
          <button
            key={provider}
            type="button"
            className={`provider provider-${provider}`}
            disabled={signIn.starting}
            onClick={() => void signIn.start(provider)}
          >
            Sign in with {providerName[provider]}
          </button>
        ))}
      </div>
      <ErrorBanner message={signIn.error} />
    </div>
  );
}

/** While the person signs in on the provider's page: what to do, a link to reopen the page, and a way to stop. */
export function SignInWaiting({ pending, onCancel }: { pending: PendingSignIn; onCancel: () => void }) {
  const name = providerName[pending.provider];
  return (
    <div className="waiting" role="status">
      <span className="spinner" aria-hidden="true" />
      <div>
        <p>Finish signing in with {name} in the page that just opened. This window updates by itself.</p>
        <p className="small">
          <a href={pending.auth_url} target="_blank" rel="noopener noreferrer">
            Open the {name} sign-in page again
          </a>{' '}
          ·{' '}
          <button type="button" className="link" onClick={onCancel}>
            Stop waiting
          </button>
        </p>
      </div>
    </div>
  );
}
