import { useEffect, useId, useState } from 'react';
import { Dialog } from '../components/dialog';
import { SchedKeyFields } from '../components/sched-key-fields';
import { useAgent } from '../hooks/agent-context';
import { messageOf } from '../lib/errors';
import { schedRefusalHeadline } from '../lib/notice-links';

/**
 * The first-run welcome, shown over Sandbox mode with its demo data already running: "Try it with demo data" keeps
 * it and remembers the choice; "Connect your Sched" checks a URL and key before anything is saved, and says what
 * leaving Sandbox mode forgets. Closing it (×, Esc) decides nothing: it comes back at the next start.
 */
export function WelcomeScreen({ onClose }: { onClose: () => void }) {
  const { api, changed } = useAgent();
  const [step, setStep] = useState<'choose' | 'connect'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const tryDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.updateSettings({ welcome_done: true });
      changed();
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Welcome to Sched Sync" onClose={onClose} wide>
      {step === 'choose' ? (
        <>
          <p>
            Sched Sync keeps your Sched resources&apos; bookings in step with Google Calendar and Microsoft
            Outlook. How would you like to start?
          </p>
          <div className="welcome-choices">
            <div className="welcome-choice">
              <h3>Try it with demo data</h3>
              <p className="small">
                Sandbox mode: a pretend Sched, Google and Outlook run on this computer, with demo rooms,
                people and bookings. Nothing leaves this computer. You can connect your Sched later in
                Settings.
              </p>
              <button type="button" className="primary" disabled={busy} onClick={() => void tryDemo()}>
                {busy ? 'Starting…' : 'Try it with demo data'}
              </button>
            </div>
            <div className="welcome-choice">
              <h3>Connect your Sched</h3>
              <p className="small">
                Use your organisation&apos;s Sched: you need its API address and an API key from Sched&apos;s
                developer settings.
              </p>
              <button type="button" disabled={busy} onClick={() => setStep('connect')}>
                Connect your Sched
              </button>
            </div>
          </div>
          {error && (
            <p role="alert" className="banner error">
              {error}
            </p>
          )}
        </>
      ) : (
        <ConnectYourSched onBack={() => setStep('choose')} onConnected={onClose} />
      )}
    </Dialog>
  );
}

/** "Connect your Sched": URL and key, checked by the agent before saving; each refusal in plain words. */
function ConnectYourSched({ onBack, onConnected }: { onBack: () => void; onConnected: () => void }) {
  const { api, changed } = useAgent();
  const id = useId();
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const ready = baseUrl.trim() !== '' && apiKey.trim() !== '';

  useEffect(() => {
    // A managed install's deployment file may name the Sched to use.
    void api
      .getSettings()
      .then((s) => s.deployment_sched_url && setBaseUrl((url) => url || s.deployment_sched_url!))
      .catch(() => undefined);
  }, [api]);

  const connect = async () => {
    setChecking(true);
    setError(null);
    try {
      await api.configureSched({ base_url: baseUrl.trim(), api_key: apiKey.trim() });
      setApiKey('');
      changed();
      onConnected();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setChecking(false);
    }
  };
  const headline = error ? schedRefusalHeadline(error) : null;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !checking) void connect();
      }}
    >
      <div className="form-grid">
        <SchedKeyFields
          id={id}
          baseUrl={baseUrl}
          apiKey={apiKey}
          onBaseUrl={setBaseUrl}
          onApiKey={setApiKey}
        />
      </div>
      <p className="banner warn small">
        Connecting leaves Sandbox mode. Sched Sync then forgets the demo data: the demo connections, the links
        between their bookings and events, their activity and the demo sign-ins. Nothing in your real Sched
        account is changed. The key is checked with Sched before anything is saved, and is kept in your system
        keychain.
      </p>
      {error && (
        <div role="alert" className="banner error">
          <span>
            {headline && <strong className="block">{headline}</strong>}
            {error}
          </span>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={!ready || checking}>
          {checking ? 'Checking with Sched…' : 'Check and connect'}
        </button>
        <button type="button" disabled={checking} onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
