/** A run's kind and its items in words, for Activity's details and the undo dialog. */
import type { CalendarService, ItemView, RunItem, RunSummary } from '../../../preload/contract';
import { formatItemTime } from './format-time';
import { fieldLabel, sideName } from './labels';

/** "Scheduled sync", "Sync now", "Conflict settled", "Undo" … */
export function runKindLabel(run: Pick<RunSummary, 'kind' | 'trigger'>): string {
  if (run.kind === 'undo') return 'Undo';
  switch (run.trigger) {
    case 'schedule':
      return 'Scheduled sync';
    case 'manual':
      return 'Sync now';
    case 'startup':
      return 'Sync at start-up';
    case 'resume':
      return 'Sync after sleep';
    case 'unlock':
      return 'Sync after unlock';
    case 'online':
      return 'Sync when back online';
    case 'conflict':
      return 'Conflict settled';
    case 'review':
      return 'Reviewed deletions';
    default:
      return 'Sync';
  }
}

const verbs: Record<RunItem['action'], string> = { create: 'Created', update: 'Updated', delete: 'Deleted' };

/** "Created in Google Calendar", "Deleted from Sched". */
export function itemHeadline(item: RunItem, service: CalendarService | undefined): string {
  const where = item.action === 'delete' ? 'from' : 'in';
  return `${verbs[item.action]} ${where} ${sideName(item.side, service)}`;
}

const compared = ['title', 'start', 'end', 'location', 'description'] as const;

/** The fields an update changed, before → after, times on the resource's clock. */
export function itemChanges(
  before: ItemView | null,
  after: ItemView | null,
  timeZone?: string,
  locale?: string,
): { field: string; before: string; after: string }[] {
  if (!before || !after) return [];
  const shown = (item: ItemView, field: (typeof compared)[number]) => {
    const value = item[field];
    if (field === 'start' || field === 'end')
      return value ? formatItemTime(value, timeZone, locale).main : '—';
    return value.trim() || '—';
  };
  return compared
    .map((field) => ({
      field: fieldLabel[field] ?? field,
      before: shown(before, field),
      after: shown(after, field),
    }))
    .filter((c) => c.before !== c.after);
}

/** What undoing one item will do: "Remove “Induction” from Google Calendar." */
export function undoItemLine(item: RunItem, service: CalendarService | undefined): string {
  const title = `“${item.title.trim() || '(no title)'}”`;
  const where = sideName(item.side, service);
  if (item.action === 'create') return `Remove ${title} from ${where}.`;
  if (item.stays) return `Leave ${title} in ${where} with its event: blocked time follows the event.`;
  if (item.action === 'update') return `Put ${title} in ${where} back as it was.`;
  return `Bring ${title} back in ${where}.`;
}
