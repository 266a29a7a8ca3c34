import { useCallback } from 'react';
import type { CalendarService } from '../../../preload/contract';
import { ErrorBanner } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useLoader } from '../hooks/use-loader';
import { formatItemTime } from '../lib/format-time';
import { itemChanges, itemHeadline } from '../lib/run-item-text';

interface Props {
  runId: string;
  service: CalendarService | undefined;
  timeZone: string | undefined;
}

/** What one run wrote, item by item: created, updated (before → after) and deleted, per side. */
export function RunDetails({ runId, service, timeZone }: Props) {
  const { api } = useAgent();
  const load = useCallback(() => api.runItems({ run_id: runId }), [api, runId]);
  const details = useLoader(load, 0);
  const items = details.data?.items;
  return (
    <div className="run-details">
      <ErrorBanner message={details.error} />
      {details.loading && !items && <p className="muted small">Loading what this run wrote…</p>}
      {items && items.length === 0 && <p className="muted small">This run wrote nothing.</p>}
      {items && items.length > 0 && (
        <ul className="run-items">
          {items.map((item, index) => {
            const changes = item.action === 'update' ? itemChanges(item.before, item.after, timeZone) : [];
            return (
              <li key={index} className={`run-item change-${item.action}`}>
                <div>
                  <span className="muted small">{itemHeadline(item, service)}</span>{' '}
                  <strong>{item.title.trim() || '(no title)'}</strong>
                  {item.start && (
                    <span className="small"> · {formatItemTime(item.start, timeZone).main}</span>
                  )}
                  {item.undone && <span className="muted small"> · undone since</span>}
                </div>
                {changes.length > 0 && (
                  <ul className="field-changes small">
                    {changes.map((c) => (
                      <li key={c.field}>
                        {c.field}: <del>{c.before}</del> → <ins>{c.after}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
