/**
 * The OData query options the agent uses on events: the extended-property lookup
 * `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`, simple comparisons
 * on subject, start/end and flags, and `$expand=singleValueExtendedProperties($filter=id eq '…')`.
 * Anything else in `$filter` answers 400 rather than being silently ignored.
 * https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get
 */
import { fail } from './errors';
import type { ExtendedProperty, StoredEvent } from './model';

/** What a filter sees of an instance besides its stored record: its own bounds and type. */
export interface InstanceFacts {
  startMs: number;
  endMs: number;
  type: string;
}

/** A predicate over the stored record behind an instance and the instance itself. */
export type EventPredicate = (event: StoredEvent, instance: InstanceFacts) => boolean;

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

const TIME = new RegExp(String.raw`^(start|end)/dateTime\s+(eq|ne|ge|gt|le|lt)\s+${STRING}$`, 'i');
const BOOLEAN = /^(isAllDay|isCancelled)\s+eq\s+(true|false)$/i;
const TYPE = new RegExp(String.raw`^type\s+eq\s+${STRING}$`, 'i');

/** Splits on `and` outside parentheses and string literals. */
function conjuncts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth += 1;
    else if (!quoted && ch === ')') depth -= 1;
    else if (!quoted && depth === 0 && /^\s+and\s+/i.test(text.slice(i))) {
      parts.push(text.slice(from, i).trim());
      i += /^\s+and\s+/i.exec(text.slice(i))![0].length - 1;
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts;
}

function compare(op: string, a: number, b: number): boolean {
  switch (op.toLowerCase()) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'ge':
      return a >= b;
    case 'gt':
      return a > b;
    case 'le':
      return a <= b;
    default:
      return a < b;
  }
}

function clause(text: string): EventPredicate {
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
  const time = TIME.exec(text);
  if (time) {
    // Graph reads a literal without an offset as UTC, the zone it reports times in by default.
    const literal = unquote(time[3]!);
    const ms = Date.parse(/([zZ]|[+-]\d{2}:?\d{2})$/.test(literal) ? literal : `${literal}Z`);
    if (Number.isNaN(ms)) fail(`The value '${literal}' is not a valid DateTime.`, 'BadRequest');
    const side = time[1]!.toLowerCase();
    return (_e, bounds) => compare(time[2]!, side === 'start' ? bounds.startMs : bounds.endMs, ms);
  }
  const flag = BOOLEAN.exec(text);
  if (flag) {
    const key = flag[1]!.toLowerCase() === 'isallday' ? 'isAllDay' : 'isCancelled';
    const wanted = flag[2]!.toLowerCase() === 'true';
    return (e) => e[key] === wanted;
  }
  const type = TYPE.exec(text);
  if (type) {
    const wanted = unquote(type[1]!);
    return (_e, instance) => instance.type === wanted;
  }
  return fail(`Invalid filter clause: the sandbox does not support '${text}'.`, 'BadRequest');
}

/**
 * The predicate for a `$filter` value, or null when there is none: clauses joined by `and`, each one of
 * the extended-property `Any`, `subject eq`, `start/dateTime`/`end/dateTime` comparisons, `type eq`,
 * `isAllDay eq`, `isCancelled eq`.
 */
export function parseEventFilter(filter: string | null): EventPredicate | null {
  if (filter === null || filter.trim() === '') return null;
  const predicates = conjuncts(filter.trim()).map(clause);
  return (event, instance) => predicates.every((p) => p(event, instance));
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
