import { type ConflictChoice, type ConflictView, type ItemView } from '../../../preload/contract';
import { ErrorBanner } from '../components/error-banner';
import { OverlapTimeline } from '../components/overlap-timeline';
import { Tag } from '../components/status-badge';
import { useAction } from '../hooks/use-action';
import { formatItemTime, formatStamp } from '../lib/format-time';
import { fieldLabel } from '../lib/labels';
import { undoWanted } from '../lib/conflict-text';

const fields = ['title', 'start', 'end', 'location', 'description'] as const;

interface Props {
  conflict: ConflictView;
  /** "Meeting Room A ↔ Work (Google Calendar)". */
  label: string;
  calendarWord: string;
  /** The resource's time zone: every time reads on its clock. */
  timeZone: string | undefined;
  onResolve: (choice: ConflictChoice) => Promise<unknown>;
}

function Shown({
  item,
  field,
  timeZone,
}: {
  item: ItemView | null;
  field: (typeof fields)[number];
  timeZone: string | undefined;
}) {
  if (!item) return <>—</>;
  const value = item[field];
  if (field !== 'start' && field !== 'end') return <>{value.trim() || '—'}</>;
  if (!value) return <>—</>;
  const time = formatItemTime(value, timeZone);
  return (
    <>
      {time.main}
      {time.other && <span className="block muted small">{time.other}</span>}
    </>
  );
}

/** One conflict: an overlap on a small timeline, or both versions field by field, and the choices. */
export function ConflictCard({ conflict, label, calendarWord, timeZone, onResolve }: Props) {
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
  const undo = conflict.undo;
  const title =
    first?.title || conflict.sched?.title || conflict.external?.title || undo?.item?.title || '(no title)';
  const working = action.busy !== null;
  const tag = undo ? 'Undo stopped' : edit ? 'Changed on both sides' : 'Double booking';

  return (
    <article className="card conflict" aria-label={`Conflict: ${title}`}>
      <header className="card-head">
        <div>
          <h3>{title}</h3>
          <p className="muted small">
            {label} · found {formatStamp(conflict.created_at)}
          </p>
        </div>
        <Tag tone="warn">{tag}</Tag>
      </header>
      <p className="small">
        {undo
          ? undoWanted(undo, calendarWord)
          : edit
            ? 'This item was changed in Sched and in the calendar since the last sync. Nothing is written for it until you choose which version to keep.'
            : 'This calendar event overlaps a confirmed Sched booking of the same resource. Import it anyway as a second booking, or skip it (it will not be asked about again).'}
      </p>
      {!edit && conflict.sched && conflict.external ? (
        <OverlapTimeline
          booking={conflict.sched}
          event={conflict.external}
          calendarWord={calendarWord}
          timeZone={timeZone}
        />
      ) : (
        <CompareTable conflict={conflict} differs={differs} calendarWord={calendarWord} timeZone={timeZone} />
      )}
      {timeZone && <p className="muted small">Times are in {timeZone}, the resource&apos;s time zone.</p>}
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

function CompareTable({
  conflict,
  differs,
  calendarWord,
  timeZone,
}: {
  conflict: ConflictView;
  differs: Set<string>;
  calendarWord: string;
  timeZone: string | undefined;
}) {
  const edit = conflict.kind === 'edit';
  const undo = conflict.undo;
  // An undo's conflict holds only the side it found changed; the other column is what the undo wanted.
  const left = undo && undo.side === 'external' ? undo.item : conflict.sched;
  const right = undo && undo.side === 'sched' ? undo.item : conflict.external;
  const heads = undo
    ? undo.side === 'sched'
      ? ['In Sched now', 'What the undo wanted']
      : ['What the undo wanted', `In ${calendarWord} now`]
    : [edit ? 'In Sched' : 'Sched booking', edit ? `In ${calendarWord}` : 'Calendar event'];
  return (
    <div className="compare-wrap">
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Field</span>
            </th>
            <th scope="col">{heads[0]}</th>
            <th scope="col">{heads[1]}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className={differs.has(field) ? 'differs' : ''}>
              <th scope="row">
                {fieldLabel[field]}
                {differs.has(field) && <span className="visually-hidden"> (different)</span>}
              </th>
              <td>
                <Shown item={left} field={field} timeZone={timeZone} />
              </td>
              <td>
                <Shown item={right} field={field} timeZone={timeZone} />
              </td>
            </tr>
          ))}
          {(left?.deleted || right?.deleted) && (
            <tr className="differs">
              <th scope="row">State</th>
              <td>{left?.deleted ? 'Deleted' : 'Kept'}</td>
              <td>{right?.deleted ? 'Deleted' : 'Kept'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
