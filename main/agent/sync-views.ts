/** Turns the engine's and the state DB's records into the API's views (shared/API.md §2). */
import type {
  ConflictChoice,
  ConflictView,
  Direction,
  ItemView,
  PreviewResult,
  UndoIntent,
} from '../../preload/contract';
import type { EnginePreview } from '../engine/types';
import { calendarCapabilities, schedCapabilities } from '../providers/port';
import { choicesFor, type Conflict } from '../store/conflict-repo';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import { undoIntentOf } from './journal-views';
import { describeTime, fieldDifferences, sharedFieldNames, type ItemFields, type ItemTime } from '../sync';

/** The preview without the raw plan. */
export function previewView(preview: EnginePreview): PreviewResult {
  return {
    calendar_id: preview.calendar_id,
    changes: preview.changes,
    counts: preview.counts,
    guard: {
      verdict: preview.guard.verdict,
      ...(preview.guard.message ? { message: preview.guard.message } : {}),
    },
  };
}

interface StoredVersion {
  id?: string;
  deleted?: boolean;
  fields?: ItemFields;
}

const isTime = (t: unknown): t is ItemTime =>
  typeof t === 'object' &&
  t !== null &&
  ((t as ItemTime).kind === 'instant' || (t as ItemTime).kind === 'date');

/** Reads a stored conflict version (the engine writes `{id, deleted, fields, …}`) defensively. */
function versionOf(raw: unknown): { view: ItemView; fields: ItemFields } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const v = raw as StoredVersion;
  const f = v.fields;
  if (!f || !isTime(f.start) || !isTime(f.end)) return null;
  return {
    fields: f,
    view: {
      id: v.id ?? '',
      title: f.title,
      description: f.description,
      location: f.location,
      start: describeTime(f.start),
      end: describeTime(f.end),
      ...(v.deleted ? { deleted: true } : {}),
    },
  };
}

/** Sched bookings hold no location, so a location never differs in a person's eyes (main/sync/capabilities.ts). */
const comparedFields = sharedFieldNames({ sched: schedCapabilities, external: calendarCapabilities });

/**
 * A conflict with both versions side by side, the fields that differ, and the choices its connection's `direction`
 * allows (a choice that would write where the direction never writes is not offered), and what an undo wanted
 * when an undo made it.
 */
export function conflictView(conflict: Conflict, direction: Direction, undo?: UndoIntent): ConflictView {
  const sched = versionOf(conflict.schedVersion);
  const external = versionOf(conflict.externalVersion);
  return {
    id: String(conflict.id),
    calendar_id: conflict.connectionId,
    kind: conflict.kind,
    choices: [...choicesFor(conflict, direction)],
    created_at: conflict.createdAt,
    sched: sched?.view ?? null,
    external: external?.view ?? null,
    differences: sched && external ? fieldDifferences(sched.fields, external.fields, comparedFields) : [],
    ...(undo ? { undo } : {}),
  };
}

const outcomeWords: Record<ConflictChoice, (item: string) => string> = {
  'keep-sched': (item) => `Kept Sched's version of ${item}.`,
  'keep-external': (item) => `Kept the calendar's version of ${item}.`,
  'import-anyway': (item) => `Imported ${item} as a second booking.`,
  skip: (item) => `Skipped ${item}; it will not be asked about again.`,
};

/** A conflict's outcome in words: "Kept the calendar's version of “Team standup”." */
export function outcomeMessage(view: ConflictView, choice: ConflictChoice): string {
  const first = view.kind === 'overlap' ? view.external : view.sched;
  const title = (first?.title || view.sched?.title || view.external?.title || '').trim();
  const item = title ? `“${title}”` : view.kind === 'overlap' ? 'the event' : 'the item';
  if (view.kind === 'overlap' && choice === 'keep-sched') return `Moved ${item} back to its booking's time.`;
  return outcomeWords[choice](item);
}

/** Every open conflict as the API shows it, with the choices its connection's direction allows. */
export function openConflictViews(
  db: StateDb,
  settings: Pick<SettingsStore, 'getConnection'>,
): ConflictView[] {
  // A disconnected calendar's conflicts are questions about a sync that no longer runs, and no answer could be
  // applied: they leave the list with it. They stay in the state DB, so a reconnect shows those still open, and its
  // first run settles any that a change meanwhile settled.
  return db.conflicts.open().flatMap((c) => {
    const connection = settings.getConnection(c.connectionId);
    return connection ? [conflictView(c, connection.sync_settings.direction, undoIntentOf(db, c))] : [];
  });
}
