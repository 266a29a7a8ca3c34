import { useCallback, useState } from 'react';
import type { RunSummary } from '../../../preload/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner, Notice } from '../components/error-banner';
import { Tag } from '../components/status-badge';
import { useAgent } from '../hooks/agent-context';
import { useDirectory } from '../hooks/use-directory';
import { useLoader } from '../hooks/use-loader';
import { formatStamp } from '../lib/format-time';
import { runStatusLabel, serviceName } from '../lib/labels';
import { canUndo, sideCounts } from '../lib/run-text';

const tone: Record<RunSummary['status'], 'ok' | 'warn' | 'bad' | 'info' | 'muted'> = {
  running: 'info',
  ok: 'ok',
  error: 'bad',
  needs_review: 'warn',
  cancelled: 'muted',
  interrupted: 'warn',
};

/** Every run: when, which connection, what changed on each side, and Undo. */
export function ActivityView() {
  const { api, version, changed } = useAgent();
  const directory = useDirectory();
  const load = useCallback(() => api.runs(), [api]);
  const runs = useLoader(load, version);
  const [undoing, setUndoing] = useState<RunSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = runs.data?.runs
    ? [...runs.data.runs].sort((a, b) => b.started_at.localeCompare(a.started_at))
    : undefined;

  return (
    <section aria-labelledby="activity-title">
      <div className="section-head">
        <div>
          <h2 id="activity-title">Activity</h2>
          <p className="muted small">
            Every sync, what it changed on each side, and how many requests it used.
          </p>
        </div>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={runs.error} />
      {runs.loading && !list && <p className="muted">Loading activity…</p>}
      {list && list.length === 0 && (
        <EmptyState title="Nothing synced yet">
          Runs appear here after a connection syncs, on its schedule or when you click Sync now.
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <div className="table-wrap">
          <table className="grid activity">
            <thead>
              <tr>
                <th>When</th>
                <th>Connection</th>
                <th>In Sched</th>
                <th>In the calendar</th>
                <th>Conflicts</th>
                <th>Errors</th>
                <th>Requests</th>
                <th>Result</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((run) => {
                const service = directory.connection(run.calendar_id)?.calendar_service;
                return (
                  <tr key={run.run_id}>
                    <td>
                      <div>{formatStamp(run.started_at)}</div>
                      <div className="muted small">{run.kind === 'undo' ? 'Undo' : 'Sync'}</div>
                    </td>
                    <td>{directory.connectionLabel(run.calendar_id)}</td>
                    <td>{sideCounts(run, 'sched')}</td>
                    <td>
                      <div>{sideCounts(run, 'external')}</div>
                      {service && <div className="muted small">{serviceName[service]}</div>}
                    </td>
                    <td className="num">{run.conflicts}</td>
                    <td className="num">{run.errors}</td>
                    <td className="num">{run.requests}</td>
                    <td>
                      <span className="tags">
                        <Tag tone={tone[run.status]}>{runStatusLabel[run.status]}</Tag>
                        {run.undone && <Tag tone="muted">Undone</Tag>}
                      </span>
                      {run.message && <div className="status-message small">{run.message}</div>}
                    </td>
                    <td>
                      {canUndo(run) && (
                        <button type="button" onClick={() => setUndoing(run)}>
                          Undo
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {undoing && (
        <ConfirmDialog
          title="Undo this sync?"
          confirmLabel="Undo sync"
          onClose={() => setUndoing(null)}
          onConfirm={async () => {
            const result = await api.undo({ run_id: undoing.run_id });
            setNotice(
              result.status === 'ok'
                ? `Undone: the sync of ${formatStamp(undoing.started_at)} was reverted.`
                : `Undo finished with problems: ${result.message ?? runStatusLabel[result.status]}`,
            );
            changed();
          }}
        >
          <p>
            The sync of <strong>{formatStamp(undoing.started_at)}</strong> for{' '}
            <strong>{directory.connectionLabel(undoing.calendar_id)}</strong> will be reverted: items it
            created are removed, items it changed go back to how they were, and items it deleted come back.
          </p>
          <p className="muted">
            Items changed by someone since then are not overwritten; they show up under Conflicts.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
