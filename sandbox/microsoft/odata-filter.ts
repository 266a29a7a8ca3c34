/**
 * The OData query options the agent uses on events: the extended-property lookup
 * `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`, a plain
 * `subject eq '…'`, and `$expand=singleValueExtendedProperties($filter=id eq '…')`.
 * Anything else in `$filter` answers 400 rather than being silently ignored.
 * https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get
 */
import { fail } from './errors';
import type { ExtendedProperty, StoredEvent } from './model';

/** A predicate over the stored record behind an instance. */
export type EventPredicate = (event: StoredEvent) => boolean;

/** Which extended properties to print: none, all, or those whose ids are listed (lower case). */
export type PropertyExpansion = { kind: 'none' } | { kind: 'all' } | { kind: 'ids'; ids: string[] };

const STRING = String.raw`'((?:[^']|'')*)'`;
const ANY = new RegExp(
  String.raw`^singleValueExtendedProperties/any\(\s*(\w+)\s*:\s*\1/id\s+eq\s+${STRING}\s+and\s+\1/value\s+eq\s+${STRING}\s*\)$`,
  'i',
);
const ANY_ID_ONLY = new RegExp(
  String.raw`^singleValueExtendedProperties/any\(\s*(\w+)\s*:\s*\1/id\s+eq\s+${STRING}\s*\)$`,
  'i',
);
const SUBJECT = new RegExp(String.raw`^subject\s+eq\s+${STRING}$`, 'i');
const EXPAND = /^singleValueExtendedProperties(?:\(\$filter=(.*)\))?$/i;
const ID_EQ = new RegExp(String.raw`^id\s+eq\s+${STRING}$`, 'i');

function unquote(literal: string): string {
  return literal.replace(/''/g, "'");
}

function hasProperty(props: ExtendedProperty[], id: string, value?: string): boolean {
  return props.some(
    (p) => p.id.toLowerCase() === id.toLowerCase() && (value === undefined || p.value === value),
  );
}

/** The predicate for a `$filter` value, or null when there is none. */
export function parseEventFilter(filter: string | null): EventPredicate | null {
  if (filter === null || filter.trim() === '') return null;
  const text = filter.trim();
  const any = ANY.exec(text);
  if (any) {
    const id = unquote(any[2]!);
    const value = unquote(any[3]!);
    return (e) => hasProperty(e.extendedProperties, id, value);
  }
  const idOnly = ANY_ID_ONLY.exec(text);
  if (idOnly) {
    const id = unquote(idOnly[2]!);
    return (e) => hasProperty(e.extendedProperties, id);
  }
  const subject = SUBJECT.exec(text);
  if (subject) {
    const wanted = unquote(subject[1]!);
    return (e) => e.subject === wanted;
  }
  return fail(`Invalid filter clause: the sandbox does not support '${text}'.`, 'BadRequest');
}

/** The extended properties `$expand` asks for. */
export function parseExpand(expand: string | null): PropertyExpansion {
  if (expand === null || expand.trim() === '') return { kind: 'none' };
  const match = EXPAND.exec(expand.trim());
  if (!match)
    fail(`Could not find a property named '${expand}' on type 'microsoft.graph.event'.`, 'BadRequest');
  if (match[1] === undefined) return { kind: 'all' };
  const ids = match[1].split(/\s+or\s+/i).map((clause) => {
    const eq = ID_EQ.exec(clause.trim());
    if (!eq) fail(`Invalid filter clause in $expand: '${clause}'.`, 'BadRequest');
    return unquote(eq[1]!).toLowerCase();
  });
  return { kind: 'ids', ids };
}

/** The properties an expansion prints for one event (empty means the key is left out, as Graph does). */
export function expandedProperties(
  props: ExtendedProperty[],
  expansion: PropertyExpansion,
): ExtendedProperty[] {
  if (expansion.kind === 'none') return [];
  if (expansion.kind === 'all') return props.map((p) => ({ ...p }));
  return props.filter((p) => expansion.ids.includes(p.id.toLowerCase())).map((p) => ({ ...p }));
}

/** `$select` as a list of property names, or null for all. */
export function parseSelect(select: string | null): string[] | null {
  if (select === null || select.trim() === '') return null;
  return select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
