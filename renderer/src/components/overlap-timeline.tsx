import type { ItemView } from '../../../preload/contract';
import { formatClock, parseItemTime } from '../lib/format-time';

interface Props {
  booking: ItemView;
  event: ItemView;
  calendarWord: string;
  timeZone: string | undefined;
}

const instant = (value: string) => new Date(parseItemTime(value).at).getTime();

/**
 * A double booking drawn as two bars on one time axis, so the overlap is seen, not read out of a field table.
 * SVG attributes place the bars: the page's CSP allows no inline styles.
 */
export function OverlapTimeline({ booking, event, calendarWord, timeZone }: Props) {
  const spans = [booking, event].map((item) => ({ from: instant(item.start), to: instant(item.end) }));
  const from = Math.min(...spans.map((s) => s.from));
  const to = Math.max(...spans.map((s) => s.to));
  const width = 600;
  const x = (t: number) => (to > from ? ((t - from) / (to - from)) * width : 0);
  const rows = [
    { label: 'Sched booking', item: booking, span: spans[0]!, tone: 'sched' },
    { label: `${calendarWord} event`, item: event, span: spans[1]!, tone: 'external' },
  ];
  const span = (item: ItemView) => {
    const start = parseItemTime(item.start).at;
    // An all-day item has dates, not clock times.
    if (/^\d{4}-\d{2}-\d{2}$/.test(start)) return 'all day';
    return `${formatClock(start, timeZone)} – ${formatClock(parseItemTime(item.end).at, timeZone)}`;
  };
  const summary = rows.map((r) => `${r.label} ${r.item.title || '(no title)'}, ${span(r.item)}`).join('; ');
  return (
    <figure className="overlap">
      <svg
        viewBox={`0 0 ${width} 56`}
        role="img"
        aria-label={`Overlap: ${summary}`}
        preserveAspectRatio="none"
      >
        {rows.map((r, i) => (
          <rect
            key={r.tone}
            className={`bar bar-${r.tone}`}
            x={x(r.span.from)}
            y={i * 30 + 2}
            width={Math.max(4, x(r.span.to) - x(r.span.from))}
            height={22}
            rx={4}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="overlap-legend">
          {rows.map((r) => (
            <li key={r.tone}>
              <span className={`swatch swatch-${r.tone}`} aria-hidden="true" />
              <strong>{r.label}:</strong> {r.item.title || '(no title)'}, {span(r.item)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
