import { useCallback, useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner, Notice } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useDirectory } from '../hooks/use-directory';
import { useLoader } from '../hooks/use-loader';
import { serviceName } from '../lib/labels';
import { ConflictCard } from './conflict-card';

/** The conflicts waiting for a person, each with both versions side by side. */
export function ConflictsView() {
  const { api, version, changed } = useAgent();
  const directory = useDirectory();
  const load = useCallback(() => api.conflicts(), [api]);
  const conflicts = useLoader(load, version);
  const [notice, setNotice] = useState<string | null>(null);
  const list = conflicts.data?.conflicts;

  return (
    <section aria-labelledby="conflicts-title">
      <div className="section-head">
        <div>
          <h2 id="conflicts-title">Conflicts</h2>
          <p className="muted small">Items Sched Sync will not decide on by itself.</p>
        </div>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={conflicts.error} />
      {conflicts.loading && !list && <p className="muted">Loading conflicts…</p>}
      {list && list.length === 0 && (
        <EmptyState title="No conflicts">
          When the same booking is changed in Sched and in the calendar, or a calendar event overlaps a
          booking, it shows up here for you to decide.
        </EmptyState>
      )}
      <div className="cards">
        {list?.map((conflict) => {
          const connection = directory.connection(conflict.calendar_id);
          const service = connection?.calendar_service;
          const zone = directory.data?.resources.find((r) => r.id === connection?.resource_id)?.timezone;
          return (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              label={directory.connectionLabel(conflict.calendar_id)}
              calendarWord={service ? serviceName[service] : 'the calendar'}
              timeZone={zone}
              onResolve={async (resolution) => {
                const result = await api.resolveConflict({ id: conflict.id, resolution });
                setNotice(result.message);
                changed();
              }}
            />
          );
        })}
      </div>
    </section>
  );
}
