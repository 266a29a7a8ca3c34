import type { CalendarService, InboundMode, ScheduleItem } from '../../../preload/contract';
import { Dialog } from '../components/dialog';
import { formatStamp, formatWhen } from '../lib/format-time';
import { sideName } from '../lib/labels';
import { blockedMeaning, blockedTitle, scheduleItemTitle, scheduleStateText } from '../lib/schedule-words';

interface Props {
  item: ScheduleItem;
  counterpart: ScheduleItem | null;
  timeZone: string;
  service: CalendarService | undefined;
  /** The connection's `inbound_as`: whether it copies blocked time at all. */
  inboundAs: InboundMode | undefined;
  onClose: () => void;
}

const verbs = { create: 'Created', update: 'Updated', delete: 'Deleted' } as const;

/** One item of the schedule: its details, how it stands, its copy on the other side, and what the agent wrote. */
export function ScheduleItemDialog({ item, counterpart, timeZone, service, inboundAs, onClose }: Props) {
  const where = sideName(item.side, service);
  const other = sideName(item.side === 'sched' ? 'external' : 'sched', service);
  // The pair's history: a booking imported from the calendar was written in Sched, not to the event.
  const history = [...item.history, ...(counterpart?.history ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Dialog
      title={scheduleItemTitle(item)}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {item.kind === 'blocked' && (
        <p className="blocked-note">
          <strong>{blockedTitle}.</strong> {blockedMeaning}
        </p>
      )}
      <dl className="details">
        <dt>In</dt>
        <dd>{where}</dd>
        {item.kind === 'blocked' && (
          <>
            <dt>Reason</dt>
            <dd>{item.title.trim() || 'None given'}</dd>
          </>
        )}
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
        <dd>{scheduleStateText(item, inboundAs)}</dd>
        <dt>In {other}</dt>
        <dd>
          {counterpart
            ? `${scheduleItemTitle(counterpart)}, ${formatWhen(counterpart.start, timeZone)}`
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
