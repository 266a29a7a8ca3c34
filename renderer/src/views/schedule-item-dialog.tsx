import type { CalendarService, ScheduleItem } from '../../../preload/contract';
import { Dialog } from '../components/dialog';
import { formatStamp, formatWhen } from '../lib/format-time';
import { scheduleStateLabel, sideName } from '../lib/labels';

interface Props {
  item: ScheduleItem;
  counterpart: ScheduleItem | null;
  timeZone: string;
  service: CalendarService | undefined;
  onClose: () => void;
}

const verbs = { create: 'Created', update: 'Updated', delete: 'Deleted' } as const;

/** One item of the schedule: its details, how it stands, its copy on the other side, and what the agent wrote. */
export function ScheduleItemDialog({ item, counterpart, timeZone, service, onClose }: Props) {
  const where = sideName(item.side, service);
  const other = sideName(item.side === 'sched' ? 'external' : 'sched', service);
  // The pair's history: a booking imported from the calendar was written in Sched, not to the event.
  const history = [...item.history, ...(counterpart?.history ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Dialog
      title={item.title.trim() || '(no title)'}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <dl className="details">
        <dt>In</dt>
        <dd>{where}</dd>
        <dt>Starts</dt>
        <dd>{formatWhen(item.start, timeZone)}</dd>
        <dt>Ends</dt>
        <dd>{formatWhen(item.end, timeZone)}</dd>
        {item.location.trim() && (
          <>
            <dt>Location</dt>
            <dd>{item.location}</dd>
          </>
        )}
        {item.description.trim() && (
          <>
            <dt>Description</dt>
            <dd className="pre">{item.description}</dd>
          </>
        )}
        <dt>State</dt>
        <dd>{scheduleStateLabel[item.state]}</dd>
        <dt>In {other}</dt>
        <dd>
          {counterpart
            ? `${counterpart.title.trim() || '(no title)'}, ${formatWhen(counterpart.start, timeZone)}`
            : item.linked_id
              ? 'Linked to an item outside this range'
              : 'No copy'}
        </dd>
      </dl>
      <h3>History</h3>
      {history.length === 0 ? (
        <p className="muted small">Sched Sync has not written to this item or its copy.</p>
      ) : (
        <ul className="history small">
          {history.map((h, index) => (
            <li key={index}>
              {formatStamp(h.at)}: {verbs[h.action]} {h.action === 'delete' ? 'from' : 'in'}{' '}
              {sideName(h.side, service)} by Sched Sync
              {h.undone ? ' (undone since)' : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">Times are in {timeZone}, the resource&apos;s time zone.</p>
    </Dialog>
  );
}
