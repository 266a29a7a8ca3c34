/** Conflicts in words: what an undo wanted, and how a choice ended. */
import type { UndoIntent } from '../../../preload/contract';
import { formatStamp } from './format-time';

/** "Undoing the sync of Tue, … wanted to remove this event from Google Calendar, but it was changed since." */
export function undoWanted(undo: UndoIntent, calendarWord: string, locale?: string): string {
  const where = undo.side === 'sched' ? 'Sched' : calendarWord;
  const noun = undo.side === 'sched' ? 'booking' : 'event';
  const what =
    undo.wanted === 'remove'
      ? `remove this ${noun}, which that sync created in ${where}`
      : undo.wanted === 'revert'
        ? `put this ${noun} in ${where} back as it was before that sync`
        : `bring back this ${noun}, which that sync deleted from ${where}`;
  return `Undoing the sync of ${formatStamp(undo.run_started_at, locale)} wanted to ${what}, but it was changed in ${where} since, so the undo left it alone. Choose which version to keep.`;
}
