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
  const shown = lines.slice(0, 12);
  return (
    <ul className="undo-plan">
      {shown.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
      {lines.length > shown.length && <li className="muted">…and {lines.length - shown.length} more.</li>}
    </ul>
  );
}
