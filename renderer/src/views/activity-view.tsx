import { Fragment, useCallback, useId, useState } from 'react';
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
import { runKindLabel } from '../lib/run-item-text';
import { canUndo, plural, sideCounts } from '../lib/run-text';
import { RunDetails } from './run-details';
import { UndoPlan } from './undo-plan';

const tone: Record<RunSummary['status'], 'ok' | 'warn' | 'bad' | 'info' | 'muted'> = {
  running: 'info',
  ok: 'ok',
  error: 'bad',
  needs_review: 'warn',
  cancelled: 'muted',
  interrupted: 'warn',
};

/** Every run: when, what started it, which connection, what changed on each side, its items, and Undo. */
export function ActivityView() {
  const { api, version, changed } = useAgent();
  const directory = useDirectory();
  const load = useCallback(() => api.runs(), [api]);
  const runs = useLoader(load, version);
  const [undoing, setUndoing] = useState<RunSummary | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [only, setOnly] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const filterId = useId();
  const list = runs.data?.runs
    ? [...runs.data.runs]
        .filter((r) => only === '' || r.calendar_id === only)
        .sort((a, b) => b.started_at.localeCompare(a.started_at))
    : undefined;
  const zoneOf = (calendarId: string) => {
    const c = directory.connection(calendarId);
    return directory.data?.resources.find((r) => r.id === c?.resource_id)?.timezone;
  };
  const connections = directory.data?.connections ?? [];

  return (
    <section aria-labelledby="activity-title">
      <div className="section-head">
        <div>
          <h2 id="activity-title">Activity</h2>
          <p className="muted small">
            Every sync, what it changed on each side, and how many requests it used.
          </p>
        </div>
        {connections.length > 1 && (
          <div className="filter">
            <label htmlFor={filterId}>Connection</label>
            <select id={filterId} value={only} onChange={(e) => setOnly(e.target.value)}>
              <option value="">All connections</option>
              {connections.map((c) => (
                <option key={c.calendar_id} value={c.calendar_id}>
                  {directory.connectionLabel(c.calendar_id)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={runs.error} />
      {runs.loading && !list && <p className="muted">Loading activity…</p>}
      {list && list.length === 0 && (
        <EmptyState title={only ? 'Nothing synced for this connection yet' : 'Nothing synced yet'}>
          Runs appear here after a connection syncs, on its schedule or when you click Sync now.
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <div className="table-wrap">
          <table className="grid activity stacks">
            <thead>
              <tr>
                <th>When</th>
                <th>Connection</th>
                <th>In Sched</th>
                <th>In the calendar</th>
                <th>Result</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((run) => {
                const service = directory.connection(run.calendar_id)?.calendar_service;
                const calendarWord = service ? serviceName[service] : 'In the calendar';
                const expanded = open === run.run_id;
                const detailsId = `run-${run.run_id}`;
                const extra = [
                  run.conflicts > 0 ? plural(run.conflicts, 'conflict') : '',
                  run.errors > 0 ? plural(run.errors, 'error') : '',
                  plural(run.requests, 'request'),
                ].filter(Boolean);
                return (
                  <Fragment key={run.run_id}>
                    <tr className={expanded ? 'has-followup' : ''}>
                      <td data-label="When">
                        <div>{formatStamp(run.started_at)}</div>
                        <div className="muted small">{runKindLabel(run)}</div>
                      </td>
                      <td data-label="Connection">{directory.connectionLabel(run.calendar_id)}</td>
                      <td data-label="In Sched">{sideCounts(run, 'sched')}</td>
                      <td data-label={calendarWord}>
                        <div>{sideCounts(run, 'external')}</div>
                        {service && <div className="muted small wide-only">{serviceName[service]}</div>}
                      </td>
                      <td data-label="Result">
                        <span className="tags">
                          <Tag tone={tone[run.status]}>{runStatusLabel[run.status]}</Tag>
                          {run.undone && <Tag tone="muted">Undone</Tag>}
                        </span>
                        <div className="muted small">{extra.join(' · ')}</div>
                        {run.message && <div className="status-message small">{run.message}</div>}
                      </td>
                      <td>
                        <div className="row-actions">
                          <button
                            type="button"
                            aria-expanded={expanded}
                            aria-controls={detailsId}
                            onClick={() => setOpen(expanded ? null : run.run_id)}
                          >
                            {expanded ? 'Hide items' : 'Items'}
                          </button>
                          {canUndo(run) && (
                            <button type="button" onClick={() => setUndoing(run)}>
                              Undo…
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="followup" id={detailsId}>
                        <td colSpan={6}>
                          <RunDetails
                            runId={run.run_id}
                            service={service}
                            timeZone={zoneOf(run.calendar_id)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
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
                ? `Undone: the sync of ${formatStamp(undoing.started_at)} was reverted.${result.conflicts > 0 ? ` ${plural(result.conflicts, 'item')} changed since, so left for you under Conflicts.` : ''}`
                : `Undo finished with problems: ${result.message ?? runStatusLabel[result.status]}`,
            );
            changed();
          }}
        >
          <p>
            The sync of <strong>{formatStamp(undoing.started_at)}</strong> for{' '}
            <strong>{directory.connectionLabel(undoing.calendar_id)}</strong> will be reverted:
          </p>
          <UndoPlan run={undoing} service={directory.connection(undoing.calendar_id)?.calendar_service} />
          <p className="muted">
            Items changed by someone since then are not overwritten; they show up under Conflicts.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
