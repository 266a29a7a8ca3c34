import { useCallback } from 'react';
import type { CalendarService, RunSummary } from '../../../preload/contract';
import { useAgent } from '../hooks/agent-context';
import { useLoader } from '../hooks/use-loader';
import { undoItemLine } from '../lib/run-item-text';
import { undoPlan } from '../lib/run-text';

/** What Undo will do, item by item when the run's items load (counts until then, or if they cannot be read). */
export function UndoPlan({ run, service }: { run: RunSummary; service: CalendarService | undefined }) {
  const { api } = useAgent();
  const load = useCallback(() => api.runItems({ run_id: run.run_id }), [api, run.run_id]);
  const details = useLoader(load, 0);
  const items = details.data?.items.filter((i) => !i.undone);
  const lines =
    items && items.length > 0
      ? [...items].reverse().map((i) => undoItemLine(i, service))
      : undoPlan(run, service);
  // Instances of one series read the same: "Remove “Weekly team sync” from Sched. (×12)".
  const grouped: { line: string; n: number }[] = [];
  for (const line of lines) {
    const last = grouped[grouped.length - 1];
    if (last?.line === line) last.n += 1;
    else grouped.push({ line, n: 1 });
  }
  const shown = grouped.slice(0, 12);
  return (
    <ul className="undo-plan">
      {shown.map(({ line, n }, index) => (
        <li key={index}>
          {line}
          {n > 1 && <span className="muted"> (×{n})</span>}
        </li>
      ))}
      {grouped.length > shown.length && <li className="muted">…and {grouped.length - shown.length} more.</li>}
    </ul>
  );
}
