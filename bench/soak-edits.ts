/**
 * What the soak's people do: book, move, rename and cancel in Sched; add, move, rename and delete events in Google
 * and Outlook. Every time is on a half-hour grid 1 to 14 days ahead, well inside the sync window (30 days back,
 * 180 ahead), so nothing leaves or enters the window during a soak. Each edit is one call to one side.
 */
import type { Pairing } from './soak-checks';
import type { SoakRandom } from './soak-random';
import type { SchedHands } from './soak-sides';

/** Counts of what the people did, by side and kind. */
export type EditTally = Record<string, number>;

/** Writes one line of the soak's log (what was done to which item, for reading a failure afterwards). */
export type Note = (entry: Record<string, unknown>) => void;

const halfHour = 30 * 60_000;
/** Items per side past which people mostly move and remove rather than add. */
const crowded = 25;

/** A slot on the grid: a start 1–14 days after `day0` between 07:00 and 19:00 UTC, 30 to 120 minutes long. */
function slot(random: SoakRandom, day0: number): { start: number; end: number } {
  const start = day0 + random.int(1, 14) * 86_400_000 + random.int(14, 38) * halfHour;
  return { start, end: start + random.int(1, 4) * halfHour };
}

/** One random edit by a person; returns its name, e.g. `sched move` or `google delete (refused)`. */
export async function randomEdit(
  random: SoakRandom,
  sched: SchedHands,
  pairings: Pairing[],
  day0: number,
  serial: () => number,
  note: Note,
): Promise<string> {
  const side = random.pick(['sched', 'external'] as const);
  const editable = pairings.filter((p) =>
    side === 'sched' ? p.direction !== 'external-to-sched' : p.direction !== 'sched-to-external',
  );
  const p = random.pick(editable);
  if (side === 'sched') {
    const live = await sched.bookings(p.resourceId);
    const kind =
      live.length === 0
        ? 'create'
        : random.weighted({ create: live.length > crowded ? 1 : 4, move: 3, rename: 2, cancel: 2 });
    const target = live.length > 0 ? random.pick(live) : undefined;
    let done = true;
    const change = changeFor(kind, random, day0, serial, target?.title, 'booking');
    if (kind === 'create') done = await sched.create(p.resourceId, change.title!, change.start!, change.end!);
    else if (kind === 'move' || kind === 'rename') done = await sched.update(target!.id, change);
    else await sched.cancel(target!.id);
    note({
      edit: `sched ${kind}`,
      resource: p.resourceId,
      id: kind === 'create' ? undefined : target?.id,
      ...readable(change),
      done,
    });
    return `sched ${kind}${done ? '' : ' (refused)'}`;
  }
  const calendar = p.calendar;
  const live = await calendar.events();
  const kind =
    live.length === 0
      ? 'create'
      : random.weighted({ create: live.length > crowded ? 1 : 4, move: 3, rename: 2, delete: 2 });
  const target = live.length > 0 ? random.pick(live) : undefined;
  const change = changeFor(kind, random, day0, serial, target?.title, 'event');
  if (kind === 'create') await calendar.create(change.title!, change.start!, change.end!);
  else if (kind === 'move' || kind === 'rename') await calendar.update(target!.id, change);
  else await calendar.remove(target!.id);
  note({
    edit: `${calendar.service} ${kind}`,
    calendar: calendar.calendarId,
    id: kind === 'create' ? undefined : target?.id,
    ...readable(change),
  });
  return `${calendar.service} ${kind}`;
}

interface Change {
  title?: string;
  start?: number;
  end?: number;
}

/** The fields an edit of `kind` writes: a new item's title and slot, a new slot, or a new title. */
function changeFor(
  kind: string,
  random: SoakRandom,
  day0: number,
  serial: () => number,
  title: string | undefined,
  noun: 'booking' | 'event',
): Change {
  if (kind === 'create') return { title: `Soak ${noun} ${serial()}`, ...slot(random, day0) };
  if (kind === 'move') return slot(random, day0);
  if (kind === 'rename') return { title: `${base(title!)} r${serial()}` };
  return {};
}

/** A change with its times as ISO strings, for the log. */
function readable(change: Change): Record<string, unknown> {
  return {
    ...change,
    ...(change.start ? { start: new Date(change.start).toISOString() } : {}),
    ...(change.end ? { end: new Date(change.end).toISOString() } : {}),
  };
}

/** A title without its rename suffixes, so titles stay short however often they are renamed. */
function base(title: string): string {
  return title.replace(/( r\d+)+$/, '');
}
