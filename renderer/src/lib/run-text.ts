/** Runs and previews in words: "2 created in Google Calendar, 1 updated in Sched". */
import type { CalendarService, PerSide, PlannedChange, RunSummary } from '../../../preload/contract';
import { formatWhen } from './format-time';
import { sideName } from './labels';

/** "1 conflict", "2 conflicts". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

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

/** What is left for the person after a run: "1 conflict waits for you under Conflicts." */
function conflictsLeft(n: number): string {
  if (n === 0) return '';
  return n === 1
    ? ' 1 conflict waits for you under Conflicts.'
    : ` ${n} conflicts wait for you under Conflicts.`;
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
  const left = conflictsLeft(run.conflicts);
  return parts.length > 0
    ? `Synced ${name}: ${parts.join(', ')}.${left}`
    : `Synced ${name}: nothing needed changing.${left}`;
}

const verbs: Record<PlannedChange['action'], string> = {
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
};

/**
 * A planned change as a line of the preview, whose heading names the side already:
 * "Create · Team standup · Tue, 4 Mar 2025, 10:00". `timeZone`: the resource's, so every line reads on one clock.
 */
export function describeChange(change: PlannedChange, timeZone?: string, locale?: string): string {
  const title = change.title.trim() || '(no title)';
  return `${verbs[change.action]} · ${title} · ${formatWhen(change.start, timeZone, locale)}`;
}

/** A preview's changes in the order a person reads a diary: by start, then create, update, delete. */
export function inDateOrder(changes: readonly PlannedChange[]): PlannedChange[] {
  const at = (c: PlannedChange) => {
    const t = new Date(/^\d{4}-\d{2}-\d{2}$/.test(c.start) ? `${c.start}T00:00:00Z` : c.start).getTime();
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  const order: Record<PlannedChange['action'], number> = { create: 0, update: 1, delete: 2 };
  return [...changes].sort((a, b) => at(a) - at(b) || order[a.action] - order[b.action]);
}

/** Can this run be undone? Only a finished sync that wrote something and was not undone already. */
export function canUndo(run: RunSummary): boolean {
  const wrote = (['created', 'updated', 'deleted'] as const).some((k) => run[k].sched + run[k].external > 0);
  return run.kind === 'sync' && run.status === 'ok' && !run.undone && wrote;
}

/** What Undo will do, before it does it: "Remove 2 events it created in Google Calendar, …". */
export function undoPlan(run: RunSummary, service: CalendarService | undefined): string[] {
  const lines: string[] = [];
  for (const side of ['external', 'sched'] as const) {
    const where = sideName(side, service);
    const noun = side === 'sched' ? 'booking' : 'event';
    if (run.created[side] > 0)
      lines.push(`Remove ${plural(run.created[side], noun)} it created in ${where}.`);
    if (run.updated[side] > 0)
      lines.push(
        `Put ${plural(run.updated[side], noun)} it changed in ${where} back as ${run.updated[side] === 1 ? 'it was' : 'they were'}.`,
      );
    if (run.deleted[side] > 0)
      lines.push(`Bring back ${plural(run.deleted[side], noun)} it deleted from ${where}.`);
  }
  return lines;
}
