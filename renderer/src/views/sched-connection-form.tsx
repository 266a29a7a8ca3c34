import { useId, useState } from 'react';
import type { AgentStatus } from '../../../preload/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Notice } from '../components/error-banner';
import { SchedKeyFields } from '../components/sched-key-fields';
import { useAgent } from '../hooks/agent-context';

/** "Connect to Sched": the base URL and API key of a real Sched account (`configureSched`). */
export function SchedConnectionForm({ status }: { status: AgentStatus | undefined }) {
  const { api, changed } = useAgent();
  const id = useId();
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const sandbox = status?.mode === 'sandbox';
  const ready = baseUrl.trim() !== '' && apiKey.trim() !== '';

  return (
    <div className="card">
      <h3>Connect to Sched</h3>
      <p className="small">
        {status?.sched.configured
          ? `Connected to ${status.sched.base_url ?? 'Sched'}${sandbox ? ' (the sandbox)' : ''}.`
          : 'Not connected to Sched yet.'}{' '}
        Enter your Sched API address and an API key from Sched&apos;s developer settings. The key is kept in
        your system keychain.
      </p>
      {sandbox && (
        <p className="banner warn small">
          This leaves Sandbox mode: the demo connections, accounts and their history are forgotten. Nothing in
          your real Sched account is changed.
        </p>
      )}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) setConfirming(true);
        }}
      >
        <SchedKeyFields
          id={id}
          baseUrl={baseUrl}
          apiKey={apiKey}
          onBaseUrl={setBaseUrl}
          onApiKey={setApiKey}
        />
        <div className="form-hint">
          <button type="submit" className="primary" disabled={!ready}>
            Connect to Sched
          </button>
        </div>
      </form>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {confirming && (
        <ConfirmDialog
          title="Connect to this Sched account?"
          confirmLabel="Connect to Sched"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await api.configureSched({ base_url: baseUrl.trim(), api_key: apiKey.trim() });
            setApiKey('');
            setNotice(`Connected to Sched at ${result.base_url}.`);
            changed();
          }}
        >
          <p>
            Sched Sync will use <strong>{baseUrl.trim()}</strong>. The agent checks the key before it
            switches.
          </p>
          {sandbox && <p>Sandbox mode ends: the demo connections and their activity are forgotten.</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
