import { useCallback } from 'react';
import type { Connection, PreviewResult } from '../../../preload/contract';
import { Dialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useLoader } from '../hooks/use-loader';
import { sideName } from '../lib/labels';
import { describeChange, inDateOrder } from '../lib/run-text';

interface Props {
  connection: Pick<Connection, 'calendar_id' | 'calendar_service'>;
  name: string;
  onClose: () => void;
  /** Offers "Sync now" under the plan. */
  onSync?: () => void;
}

/** What the next sync would do, in words, and whether the mass-delete guard would stop it (nothing is applied). */
export function PreviewDialog({ connection, name, onClose, onSync }: Props) {
  const { api } = useAgent();
  const load = useCallback(
    () => api.preview({ calendar_id: connection.calendar_id }),
    [api, connection.calendar_id],
  );
  // Loaded once: a preview is a snapshot; re-planning on every live event would move the list under the reader.
  const preview = useLoader(load, 0);

  return (
    <Dialog
      title={`Preview: ${name}`}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            Close
          </button>
          {onSync && (
            <button type="button" className="primary" onClick={onSync} disabled={!preview.data}>
              Sync now
            </button>
          )}
        </>
      }
    >
      {preview.loading && <p className="muted">Working out what the next sync would do…</p>}
      <ErrorBanner message={preview.error} />
      {preview.data && <PreviewBody preview={preview.data} service={connection.calendar_service} />}
    </Dialog>
  );
}

function PreviewBody({
  preview,
  service,
}: {
  preview: PreviewResult;
  service: Connection['calendar_service'];
}) {
  const sides = (['external', 'sched'] as const).map((side) => ({
    side,
    changes: inDateOrder(preview.changes.filter((c) => c.side === side)),
  }));
  const total = preview.changes.length;
  return (
    <div className="preview">
      {preview.guard.verdict === 'needs_review' ? (
        <div className="banner warn" role="alert">
          <strong>This sync would stop for your review</strong> because it deletes many items.{' '}
          {preview.guard.message ?? ''}
        </div>
      ) : (
        <div className="banner ok" role="status">
          {total === 0
            ? 'Nothing to change: both sides are already in step.'
            : `Safe to sync: ${total} change${total === 1 ? '' : 's'}, no mass deletion.`}
        </div>
      )}
      {preview.counts.conflicts > 0 && (
        <p className="banner warn">
          {preview.counts.conflicts} item{preview.counts.conflicts === 1 ? '' : 's'} changed on both sides.
          They will be listed under Conflicts, or settled by this connection&apos;s conflict setting.
        </p>
      )}
      {total > 0 && preview.time_zone && (
        <p className="muted small">Times are in {preview.time_zone}, the resource&apos;s time zone.</p>
      )}
      {sides
        .filter((s) => s.changes.length > 0)
        .map(({ side, changes }) => (
          <section key={side} className="preview-side">
            <h3>
              {side === 'sched' ? 'In Sched' : `In ${sideName(side, service)}`} ({changes.length})
            </h3>
            <ul className="change-list">
              {changes.map((change, index) => (
                <li key={index} className={`change change-${change.action}`}>
                  {describeChange(change, preview.time_zone)}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
