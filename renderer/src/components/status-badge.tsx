import type { SyncStatus } from '../../../preload/contract';

const labels: Record<SyncStatus, string> = {
  active: 'Active',
  syncing: 'Syncing…',
  paused: 'Paused',
  error: 'Error',
  reauth_required: 'Sign in again',
  needs_review: 'Needs review',
  disconnected: 'Disconnected',
};

/** A connection's `sync_status` as a coloured label, with the reason as its tooltip. */
export function StatusBadge({ status, message }: { status: SyncStatus; message: string | null }) {
  return (
    <span className={`badge badge-${status}`} title={message ?? undefined}>
      {labels[status]}
    </span>
  );
}
