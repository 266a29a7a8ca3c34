import { useCallback, useEffect, useState } from 'react';
import type { AgentApi, Connection } from '../../../preload/contract';
import { StatusBadge } from '../components/status-badge';

type Load =
  { state: 'loading' } | { state: 'ready'; calendars: Connection[] } | { state: 'failed'; message: string };

const serviceName = { google: 'Google Calendar', microsoft: 'Microsoft Outlook' } as const;

/** Lists the connected calendars with their status and last sync. */
export function ConnectionsView({ api }: { api: AgentApi }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const { calendars } = await api.list();
      setLoad({ state: 'ready', calendars });
    } catch (error) {
      setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [api]);

  useEffect(() => {
    // Loading on mount is the point of this effect; the state update happens after the await.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  return (
    <section aria-labelledby="connections-title">
      <div className="section-head">
        <h2 id="connections-title">Connected calendars</h2>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      {load.state === 'loading' && <p className="muted">Loading connections…</p>}
      {load.state === 'failed' && (
        <div role="alert" className="banner error">
          {load.message}
        </div>
      )}
      {load.state === 'ready' && load.calendars.length === 0 && (
        <div className="empty">
          <p>No calendars connected yet.</p>
          <p className="muted">
            Connect a Sched resource to a Google or Outlook calendar to keep both in step.
          </p>
        </div>
      )}
      {load.state === 'ready' && load.calendars.length > 0 && (
        <table className="connections">
          <thead>
            <tr>
              <th>Resource</th>
              <th>Calendar</th>
              <th>Direction</th>
              <th>Status</th>
              <th>Last sync</th>
            </tr>
          </thead>
          <tbody>
            {load.calendars.map((c) => (
              <tr key={c.calendar_id}>
                <td>{c.resource_id}</td>
                <td>
                  <div>{c.calendar_id}</div>
                  <div className="muted small">{serviceName[c.calendar_service]}</div>
                </td>
                <td>{c.sync_settings.direction}</td>
                <td>
                  <StatusBadge status={c.sync_status} message={c.status_message ?? null} />
                </td>
                <td>{c.last_sync ? new Date(c.last_sync).toLocaleString() : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
