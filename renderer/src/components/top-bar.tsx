import type { AgentStatus } from '../../../preload/contract';

/** The product name, and what mode the agent is in. */
export function TopBar({ status }: { status: AgentStatus | undefined }) {
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        ⟳
      </span>
      <h1>Sched Sync</h1>
      {status?.mode === 'sandbox' && (
        <div className="sandbox" role="note">
          <span className="badge tone-info">Sandbox mode</span>
          <span className="small muted">Demo data: nothing leaves this computer.</span>
        </div>
      )}
      <span className="spacer" />
      {status && status.syncing.length > 0 && (
        <span className="small muted" role="status">
          <span className="spinner small-spinner" aria-hidden="true" /> Syncing…
        </span>
      )}
    </header>
  );
}
