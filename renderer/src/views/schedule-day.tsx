import type { ScheduleItem } from '../../../preload/contract';
import { formatClock } from '../lib/format-time';
import { scheduleStateLabel, scheduleStateShort } from '../lib/labels';
import type { ScheduleRow } from '../lib/schedule-rows';
import { blockedLabel, blockedMeaning, scheduleItemTitle } from '../lib/schedule-words';
import { dayHeading } from '../lib/week';

interface Props {
  day: string;
  today: boolean;
  rows: ScheduleRow[];
  timeZone: string;
  calendarWord: string;
  onOpen: (item: ScheduleItem) => void;
}

/** "9:00 AM – 10:00 AM", or "All day". */
export function timeSpan(item: Pick<ScheduleItem, 'start' | 'end' | 'all_day'>, timeZone: string): string {
  if (item.all_day) return 'All day';
  return `${formatClock(item.start, timeZone)} – ${formatClock(item.end, timeZone)}`;
}

/** One day of the schedule: a row per booking (or blocked time) and its copy, joined, or per item alone. */
export function ScheduleDay({ day, today, rows, timeZone, calendarWord, onOpen }: Props) {
  const headingId = `day-${day}`;
  return (
    <section className={today ? 'day today' : 'day'} aria-labelledby={headingId}>
      <h4 id={headingId}>
        {dayHeading(day)}
        {today && <span className="badge tone-info">Today</span>}
      </h4>
      {rows.length === 0 ? (
        <p className="muted small">Nothing in Sched or the calendar.</p>
      ) : (
        <ol className="sched-rows">
          {rows.map((row) => (
            <li key={row.key} className={row.sched && row.external ? 'sched-row linked' : 'sched-row'}>
              <Cell item={row.sched} lane="Sched" timeZone={timeZone} onOpen={onOpen} />
              <span className="join" aria-hidden="true">
                {row.sched && row.external ? '⇄' : ''}
              </span>
              <Cell item={row.external} lane={calendarWord} timeZone={timeZone} onOpen={onOpen} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Cell({
  item,
  lane,
  timeZone,
  onOpen,
}: {
  item: ScheduleItem | null;
  lane: string;
  timeZone: string;
  onOpen: (item: ScheduleItem) => void;
}) {
  if (!item) return <span className="sched-cell none" aria-hidden="true" />;
  const blocked = item.kind === 'blocked';
  return (
    <button
      type="button"
      className={`sched-cell state-${item.state}${blocked ? ' blocked' : ''}`}
      onClick={() => onOpen(item)}
      title={`${blocked ? `${blockedMeaning} ` : ''}${scheduleStateLabel[item.state]}. Open the details.`}
    >
      <span className="lane small">
        {lane}
        {/* In words as well as the hatching, so it never rests on colour or pattern alone. */}
        {blocked && <span className="blocked-label">{blockedLabel}</span>}
      </span>
      <span className="item-title">{scheduleItemTitle(item)}</span>
      <span className="small">{timeSpan(item, timeZone)}</span>
      <span className={`mark mark-${item.state} small`}>{scheduleStateShort[item.state]}</span>
    </button>
  );
}
