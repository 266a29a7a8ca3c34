/** Runs and previews in words: "2 created in Google Calendar, 1 updated in Sched". */
import type { CalendarService, PerSide, PlannedChange, RunSummary } from '../../../preload/contract';
import { formatWhen } from './format-time';
import { sideName } from './labels';

/** The counts of one side of a run, e.g. "2 created · 1 updated", or "No changes". */
export function sideCounts(
  run: Pick<RunSummary, 'created' | 'updated' | 'deleted'>,
  side: keyof PerSide,
): string {
  const parts = (['created', 'updated', 'deleted'] as const)
    .filter((k) => run[k][side] > 0)
    .map((k) => `${run[k][side]} ${k}`);
  return parts.length > 0 ? parts.join(' · ') : 'No changes';
}

/** One sentence about a finished run, for the notice after "Sync now". */
export function describeRun(run: RunSummary, service: CalendarService | undefined, name: string): string {
  if (run.status === 'error') return `Sync of ${name} failed: ${run.message ?? 'the agent did not say why.'}`;
  if (run.status === 'needs_review')
    return `Sync of ${name} stopped before deleting many items: ${run.message ?? 'please review.'}`;
  const parts: string[] = [];
  for (const key of ['created', 'updated', 'deleted'] as const) {
    for (const side of ['external', 'sched'] as const) {
      const n = run[key][side];
      if (n > 0) parts.push(`${n} ${key} in ${sideName(side, service)}`);
    }
  }
  const conflicts =
    run.conflicts > 0 ? ` ${run.conflicts} conflict${run.conflicts === 1 ? '' : 's'} to review.` : '';
  return parts.length > 0
    ? `Synced ${name}: ${parts.join(', ')}.${conflicts}`
    : `Synced ${name}: everything was already in step.${conflicts}`;
}

/** A planned change as a sentence: "Create in Google Calendar: Team standup, Tue, 4 Mar, 10:00". */
export function describeChange(
  change: PlannedChange,
  service: CalendarService | undefined,
  locale?: string,
): string {
  const verb = change.action === 'create' ? 'Create' : change.action === 'update' ? 'Update' : 'Delete';
  const where = change.action === 'delete' ? 'from' : 'in';
  const title = change.title.trim() || '(no title)';
  return `${verb} ${where} ${sideName(change.side, service)}: ${title}, ${formatWhen(change.start, undefined, locale)}`;
}

/** Can this run be undone? Only a finished sync that wrote something and was not undone already. */
export function canUndo(run: RunSummary): boolean {
  const wrote = (['created', 'updated', 'deleted'] as const).some((k) => run[k].sched + run[k].external > 0);
  return run.kind === 'sync' && run.status === 'ok' && !run.undone && wrote;
}
