import { type ConflictChoice, type ConflictView, type ItemView } from '../../../preload/contract';
import { ErrorBanner } from '../components/error-banner';
import { Tag } from '../components/status-badge';
import { useAction } from '../hooks/use-action';
import { formatItemTime, formatStamp } from '../lib/format-time';
import { fieldLabel } from '../lib/labels';

const fields = ['title', 'start', 'end', 'location', 'description'] as const;

interface Props {
  conflict: ConflictView;
  /** "Meeting Room A ↔ Work (Google Calendar)". */
  label: string;
  calendarWord: string;
  onResolve: (choice: ConflictChoice) => Promise<unknown>;
}

function shown(item: ItemView | null, field: (typeof fields)[number]): string {
  if (!item) return '—';
  const value = item[field];
  if (field === 'start' || field === 'end') return value ? formatItemTime(value) : '—';
  return value.trim() || '—';
}

/** One conflict: both versions field by field, the differing fields marked, and the two choices. */
export function ConflictCard({ conflict, label, calendarWord, onResolve }: Props) {
  const action = useAction();
  const differs = new Set(conflict.differences.map((d) => d.field));
  const edit = conflict.kind === 'edit';
  const text: Record<ConflictChoice, string> = {
    // On a double booking, keeping Sched's side means the moved event goes back to its booking's time.
    'keep-sched':
      conflict.kind === 'overlap' ? "Move the event back to its booking's time" : "Keep Sched's version",
    'keep-external': `Keep ${calendarWord}'s version`,
    'import-anyway': 'Import anyway',
    skip: 'Skip',
  };
  // A double booking is about the calendar's event (the booking is what it collides with); an edit, about the booking.
  const first = conflict.kind === 'overlap' ? conflict.external : conflict.sched;
  const title = first?.title || conflict.sched?.title || conflict.external?.title || '(no title)';
  const working = action.busy !== null;

  return (
    <article className="card conflict" aria-label={`Conflict: ${title}`}>
      <header className="card-head">
        <div>
          <h3>{title}</h3>
          <p className="muted small">
            {label} · found {formatStamp(conflict.created_at)}
          </p>
        </div>
        <Tag tone="warn">{edit ? 'Changed on both sides' : 'Double booking'}</Tag>
      </header>
      <p className="small">
        {edit
          ? 'This item was changed in Sched and in the calendar since the last sync. Nothing is written for it until you choose which version to keep.'
          : 'This calendar event overlaps a confirmed Sched booking of the same resource. Import it anyway as a second booking, or skip it (it will not be asked about again).'}
      </p>
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Field</span>
            </th>
            <th scope="col">{edit ? 'In Sched' : 'Sched booking'}</th>
            <th scope="col">{edit ? `In ${calendarWord}` : 'Calendar event'}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className={differs.has(field) ? 'differs' : ''}>
              <th scope="row">
                {fieldLabel[field]}
                {differs.has(field) && <span className="visually-hidden"> (different)</span>}
              </th>
              <td>{shown(conflict.sched, field)}</td>
              <td>{shown(conflict.external, field)}</td>
            </tr>
          ))}
          {(conflict.sched?.deleted || conflict.external?.deleted) && (
            <tr className="differs">
              <th scope="row">State</th>
              <td>{conflict.sched?.deleted ? 'Deleted' : 'Kept'}</td>
              <td>{conflict.external?.deleted ? 'Deleted' : 'Kept'}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="button-row">
        {conflict.choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className="primary-outline"
            disabled={working}
            onClick={() => void action.run(choice, () => onResolve(choice))}
          >
            {action.busy === choice ? 'Applying…' : text[choice]}
          </button>
        ))}
      </div>
      <ErrorBanner message={action.error} onDismiss={action.clearError} />
    </article>
  );
}
