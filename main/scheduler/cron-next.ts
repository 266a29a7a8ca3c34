/**
 * The next time a six-field cron expression (second minute hour day-of-month month weekday, as `cronFor` writes
 * them and node-cron reads them) falls due after a given moment, in the local time zone, as node-cron counts it.
 */

/** The values one field allows: `*`, `n`, `a-b`, `*\/s`, `a-b/s`, and comma lists of those. */
function allowed(field: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '*', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range.includes('-')) [from, to] = range.split('-').map(Number) as [number, number];
    else if (range !== '*') [from, to] = [Number(range), stepText === undefined ? Number(range) : max];
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max)
      throw new Error(`Cron field "${field}" is not one the scheduler reads.`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** A parsed expression. */
export interface CronFields {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
}

/** Parses `expression`; throws naming the field it cannot read. */
export function parseCron(expression: string): CronFields {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) throw new Error(`Cron expression "${expression}" needs six fields.`);
  const [s, m, h, dom, mon, dow] = parts as [string, string, string, string, string, string];
  const weekdays = allowed(dow, 0, 7);
  if (weekdays.has(7)) weekdays.add(0);
  return {
    seconds: allowed(s, 0, 59),
    minutes: allowed(m, 0, 59),
    hours: allowed(h, 0, 23),
    days: allowed(dom, 1, 31),
    months: allowed(mon, 1, 12),
    weekdays,
  };
}

/** The first whole second strictly after `after` that `fields` allow (searched up to about four years ahead). */
export function nextDue(fields: CronFields, after: Date): Date {
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  for (let steps = 0; steps < 100_000; steps++) {
    if (
      !fields.months.has(t.getMonth() + 1) ||
      !fields.days.has(t.getDate()) ||
      !fields.weekdays.has(t.getDay())
    ) {
      t.setHours(24, 0, 0, 0);
    } else if (!fields.hours.has(t.getHours())) {
      t.setHours(t.getHours() + 1, 0, 0, 0);
    } else if (!fields.minutes.has(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0, 0);
    } else if (!fields.seconds.has(t.getSeconds())) {
      t.setSeconds(t.getSeconds() + 1, 0);
    } else {
      return t;
    }
  }
  throw new Error('The cron expression never falls due.');
}
