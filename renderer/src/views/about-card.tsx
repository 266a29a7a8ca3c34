import { useState } from 'react';
import type { AgentStatus } from '../../../preload/contract';
import { ErrorBanner, Notice } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useAction } from '../hooks/use-action';

/** Offers `text` as a file download (works in the Electron window and in a browser alike). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Settings → About: the version, and what to send when asking for help (every secret already removed). */
export function AboutCard({ status }: { status: AgentStatus | undefined }) {
  const { api } = useAgent();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const working = action.busy !== null;

  const copy = async () => {
    const diagnostics = await action.run('copy', () => api.diagnostics());
    if (!diagnostics) return;
    await navigator.clipboard.writeText(JSON.stringify(diagnostics, null, 2));
    setNotice('Diagnostics copied. Paste them into your message; they hold no sign-in or key.');
  };
  const saveLog = async () => {
    const diagnostics = await action.run('log', () => api.diagnostics());
    if (!diagnostics) return;
    const lines = diagnostics.recent_log.map((line) => JSON.stringify(line)).join('\n');
    download(`sched-sync-${diagnostics.generated_at.slice(0, 10)}.log`, `${lines}\n`, 'text/plain');
  };

  return (
    <div className="card">
      <h3>About</h3>
      {status && (
        <p className="muted small">
          Sched Sync {status.version} · {status.mode === 'sandbox' ? 'Sandbox mode' : 'Live'} · keychain{' '}
          {status.keychain}
        </p>
      )}
      <div className="button-row">
        <button type="button" disabled={working} onClick={() => void copy()}>
          {action.busy === 'copy' ? 'Copying…' : 'Copy diagnostics'}
        </button>
        <button type="button" disabled={working} onClick={() => void saveLog()}>
          {action.busy === 'log' ? 'Saving…' : 'Save log file'}
        </button>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={action.error} onDismiss={action.clearError} />
    </div>
  );
}
