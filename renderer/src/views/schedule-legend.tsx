import type { ScheduleItem } from '../../../preload/contract';
import { scheduleStates } from '../../../preload/contract';
import { scheduleStateLabel } from '../lib/labels';
import { stateCounts } from '../lib/schedule-rows';
import { blockedTitle } from '../lib/schedule-words';

/** The marks of the schedule and how many items of the range carry each; blocked time, hatched, last. */
export function ScheduleLegend({ items }: { items: readonly ScheduleItem[] }) {
  const counts = stateCounts(items);
  const blocked = items.filter((i) => i.kind === 'blocked').length;
  return (
    <ul className="legend small" aria-label="What the marks mean">
      {scheduleStates.map((state) => (
        <li key={state}>
          <span className={`mark mark-${state}`} aria-hidden="true" /> {scheduleStateLabel[state]}
          {counts[state] > 0 && <span className="muted"> ({counts[state]})</span>}
        </li>
      ))}
      <li>
        <span className="mark mark-blocked" aria-hidden="true" /> {blockedTitle}: Sched refuses bookings
        {blocked > 0 && <span className="muted"> ({blocked})</span>}
      </li>
    </ul>
  );
}
