/** The preview (dry run) of a plan, as a person reads it (shared/SYNC.md, "Before and after a run"). */
import type { Action, ItemTime, Plan } from '../sync';
import type { EnginePreview, PlannedChange } from './types';

function startOf(time: ItemTime): string {
  return time.kind === 'date' ? time.date : time.utc;
}

/** The remote write an action stands for, or null for bookkeeping and conflicts. */
function changeOf(action: Action): PlannedChange | null {
  switch (action.type) {
    case 'create':
    case 'update':
      return {
        action: action.type,
        side: action.side,
        reason: action.reason,
        title: action.fields.title,
        start: startOf(action.fields.start),
      };
    case 'delete':
      return {
        action: 'delete',
        side: action.side,
        reason: action.reason,
        title: action.before.title,
        start: startOf(action.before.start),
      };
    default:
      return null;
  }
}

/** What the plan would write, its counts and the mass-delete guard's verdict. */
export function previewOf(calendarId: string, planned: Plan): EnginePreview {
  const held = planned.guard.verdict === 'needs_review';
  return {
    calendar_id: calendarId,
    changes: planned.actions.flatMap((action) => changeOf(action) ?? []),
    counts: planned.counts,
    guard: {
      verdict: held ? 'needs_review' : 'ok',
      ...(held ? { message: planned.guard.reasons.join(' ') } : {}),
      detail: planned.guard,
    },
    actions: planned.actions,
  };
}
