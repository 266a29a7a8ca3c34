/**
 * Edit conflicts (shared/SYNC.md, "Conflicts" 1): telling them apart from agreement, settling them by strategy,
 * and describing both versions field by field for a person.
 */
import type { ConflictAction, ConflictVersion, FieldDifference, LinkKey } from './actions';
import type { Capabilities } from './capabilities';
import { sharedFieldNames } from './capabilities';
import type { ItemFields, ItemTime, Side } from './item';
import type { Observation } from './observations';
import type { ConflictStrategy } from './settings';
import type { LinkSide } from './state';

/** How a time reads in a conflict: the UTC instant with its zone, or the date. */
export function describeTime(time: ItemTime): string {
  return time.kind === 'date' ? time.date : `${time.utc} (${time.zone})`;
}

const fieldNames = ['title', 'description', 'location', 'start', 'end'] as const;

/** The fields whose values differ between the two versions (of `fields`: by default all synced fields). */
export function fieldDifferences(
  sched: ItemFields,
  external: ItemFields,
  fields: readonly (keyof ItemFields)[] = fieldNames,
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const field of fields) {
    const a = sched[field];
    const b = external[field];
    const left = typeof a === 'string' ? a : describeTime(a);
    const right = typeof b === 'string' ? b : describeTime(b);
    if (left !== right) differences.push({ field, sched: left, external: right });
  }
  return differences;
}

function versionOf(observation: Observation, last: LinkSide): ConflictVersion {
  if (observation.state === 'gone') {
    return {
      id: last.id,
      deleted: true,
      fields: observation.item ? { ...last.fields, ...pickFields(observation.item) } : last.fields,
      version: observation.item?.version ?? last.version,
      updated: observation.item?.updated ?? last.updated,
    };
  }
  const current = observation.current;
  return {
    id: current.id,
    deleted: false,
    fields: current.fields,
    version: current.version,
    updated: current.updated,
  };
}

function pickFields(fields: ItemFields): ItemFields {
  const { title, description, location, start, end } = fields;
  return { title, description, location, start, end };
}

/**
 * The conflict a person sees: both versions side by side and the fields that differ. A field one side cannot hold
 * (Sched's location) is no difference: keeping either version leaves it as the side that holds it has it.
 */
export function editConflict(
  link: LinkKey,
  sched: Observation,
  external: Observation,
  last: { sched: LinkSide; external: LinkSide },
  capabilities: Capabilities,
): ConflictAction {
  const schedVersion = versionOf(sched, last.sched);
  const externalVersion = versionOf(external, last.external);
  return {
    type: 'conflict',
    kind: 'edit',
    link,
    sched: schedVersion,
    external: externalVersion,
    differences: fieldDifferences(
      schedVersion.fields,
      externalVersion.fields,
      sharedFieldNames(capabilities),
    ),
  };
}

/** When a side changed, by its own clock; unknown for a deletion that came without the item. */
function changedAt(observation: Observation): number | undefined {
  if (observation.state === 'same') return undefined;
  const stamp = observation.item?.updated;
  const ms = stamp === undefined ? Number.NaN : Date.parse(stamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The side changed later by its own clock, or null when either time is unknown or they are the same. For a pair found
 * again with no baseline: both said the same at the last sync, so the later side is the one edited since.
 */
export function newerSide(sched: Observation, external: Observation): 'sched' | 'external' | null {
  const schedAt = changedAt(sched);
  const externalAt = changedAt(external);
  if (schedAt === undefined || externalAt === undefined || schedAt === externalAt) return null;
  return externalAt > schedAt ? 'external' : 'sched';
}

/**
 * The side whose version wins a two-way edit conflict, or `manual` when a person must choose.
 * `newest`: the later `updated` wins and a tie goes to Sched; a deletion whose time is unknown loses to an edit,
 * because a wrong deletion costs a person more than a wrong edit.
 */
export function resolveConflict(
  strategy: ConflictStrategy,
  sched: Observation,
  external: Observation,
): Side | 'manual' {
  switch (strategy) {
    case 'prefer-sched':
      return 'sched';
    case 'prefer-external':
      return 'external';
    case 'manual':
      return 'manual';
    case 'newest': {
      const schedAt = changedAt(sched);
      const externalAt = changedAt(external);
      if (schedAt === undefined && externalAt === undefined) return 'sched';
      if (schedAt === undefined) return sched.state === 'gone' ? 'external' : 'sched';
      if (externalAt === undefined) return external.state === 'gone' ? 'sched' : 'external';
      return newerSide(sched, external) ?? 'sched';
    }
  }
}
