import type { SyncStatus } from '../../../preload/contract';

const labels: Record<SyncStatus, string> = {
  active: 'Active',
  syncing: 'Syncing…',
  paused: 'Paused',
  error: 'Error',
  reauth_required: 'Sign-in needed',
  needs_review: 'Needs review',
  disconnected: 'Disconnected',
};

/** A connection's `sync_status` as a coloured label, with the reason written underneath. */
export function StatusBadge({ status, message }: { status: SyncStatus; message: string | null }) {
  return (
    <div className="status">
      <span className={`badge badge-${status}`}>{labels[status]}</span>
      {message && <div className="status-message small">{message}</div>}
    </div>
  );
}

/** A small coloured label. */
export function Tag({
  tone,
  children,
}: {
  tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted';
  children: string;
}) {
  return <span className={`badge tone-${tone}`}>{children}</span>;
}
