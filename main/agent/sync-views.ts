/** Turns the engine's and the state DB's records into the API's views (shared/API.md §2). */
import type { ConflictView, ItemView, PreviewResult, RunSummary } from '../../preload/contract';
import type { EnginePreview, RunSummary as EngineRunSummary } from '../engine/types';
import { calendarCapabilities, schedCapabilities } from '../providers/port';
import type { Conflict } from '../store/conflict-repo';
import { describeTime, fieldDifferences, sharedFieldNames, type ItemFields, type ItemTime } from '../sync';

/** The engine's run summary as the API shows it: the one place a summary becomes the contract's view. */
export function runView(run: EngineRunSummary): RunSummary {
  return {
    run_id: run.run_id,
    calendar_id: run.calendar_id,
    kind: run.kind,
    status: run.status,
    started_at: run.started_at,
    finished_at: run.finished_at,
    created: { ...run.created },
    updated: { ...run.updated },
    deleted: { ...run.deleted },
    conflicts: run.conflicts,
    errors: run.errors,
    requests: run.requests,
    message: run.message,
    undone: run.undone,
  };
}

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

/** A conflict with both versions side by side and the fields that differ. */
export function conflictView(conflict: Conflict): ConflictView {
  const sched = versionOf(conflict.schedVersion);
  const external = versionOf(conflict.externalVersion);
  return {
    id: String(conflict.id),
    calendar_id: conflict.connectionId,
    kind: conflict.kind,
    created_at: conflict.createdAt,
    sched: sched?.view ?? null,
    external: external?.view ?? null,
    differences: sched && external ? fieldDifferences(sched.fields, external.fields, comparedFields) : [],
  };
}
