/**
 * The soak's verdict after the quiet run, from what each side shows (never from the agent's state): no duplicate
 * (a booking has at most one copy per calendar, an event at most one booking), nothing lost (every live item a
 * connection's direction copies has its copy, at the same time and with the same title), and no copy left of an
 * item that is gone. Items an open conflict names are excused: they wait for a person by design (SYNC.md).
 */
import type { CalendarHands, SchedHands, SeenBooking, SeenEvent } from './soak-sides';

/** One connection of the soak: a resource, a calendar, a direction. */
export interface Pairing {
  resourceId: string;
  calendar: CalendarHands;
  direction: 'two-way' | 'sched-to-external' | 'external-to-sched';
  frequency: 'manual' | '1min';
}

/** What the checks found, one sentence per problem. */
export interface Findings {
  duplicates: string[];
  lost: string[];
  outOfStep: string[];
  leftOver: string[];
  /** Items (booking or event ids) the checks skipped because an open conflict names them. */
  excused: number;
  bookings: number;
  events: number;
}

const outbound = (p: Pairing) => p.direction !== 'external-to-sched';
const inbound = (p: Pairing) => p.direction !== 'sched-to-external';
const when = (item: { start: number; end: number }) =>
  `${new Date(item.start).toISOString()}–${new Date(item.end).toISOString().slice(11, 16)}`;

/** Compares an item with its copy; a sentence when they differ. */
function compare(what: string, item: SeenBooking | SeenEvent, copy: SeenBooking | SeenEvent): string | null {
  if (item.start !== copy.start || item.end !== copy.end)
    return `${what} is at ${when(item)} but its copy ${copy.id} at ${when(copy)}`;
  if (item.title !== copy.title)
    return `${what} is titled "${item.title}" but its copy ${copy.id} "${copy.title}"`;
  return null;
}

/** Reads every side and checks it; `excusedIds` are the items open conflicts name. */
export async function checkSides(
  sched: SchedHands,
  pairings: Pairing[],
  excusedIds: Set<string>,
): Promise<Findings> {
  const found: Findings = {
    duplicates: [],
    lost: [],
    outOfStep: [],
    leftOver: [],
    excused: 0,
    bookings: 0,
    events: 0,
  };
  const bookingsOf = new Map<string, SeenBooking[]>();
  for (const p of pairings) bookingsOf.set(p.resourceId, await sched.bookings(p.resourceId));
  const allBookings = [...bookingsOf.values()].flat();
  found.bookings = allBookings.length;
  const bySource = new Map<string, SeenBooking[]>();
  for (const b of allBookings) {
    if (!b.source) continue;
    const key = `${b.source.calendar_id}/${b.source.event_id}`;
    bySource.set(key, [...(bySource.get(key) ?? []), b]);
  }
  for (const [key, copies] of bySource)
    if (copies.length > 1)
      found.duplicates.push(
        `event ${key} has ${copies.length} bookings: ${copies.map((b) => b.id).join(', ')}`,
      );
  const skipped = new Set<string>();
  const excused = (...ids: (string | undefined)[]) => {
    const hit = ids.find((id) => id !== undefined && excusedIds.has(id));
    if (hit) skipped.add(hit);
    return hit !== undefined;
  };
  for (const p of pairings) {
    const label = `${p.calendar.service} ${p.calendar.calendarId} (${p.resourceId}, ${p.direction})`;
    const events = await p.calendar.events();
    found.events += events.length;
    const bookings = bookingsOf.get(p.resourceId)!;
    const byTag = new Map<string, SeenEvent[]>();
    for (const e of events)
      if (e.bookingTag) byTag.set(e.bookingTag, [...(byTag.get(e.bookingTag) ?? []), e]);
    for (const [tag, copies] of byTag)
      if (copies.length > 1)
        found.duplicates.push(
          `${label}: booking ${tag} has ${copies.length} events: ${copies.map((e) => e.id).join(', ')}`,
        );
    if (outbound(p)) {
      for (const b of bookings) {
        if (b.source?.calendar_id === p.calendar.calendarId || excused(b.id)) continue;
        const copies = byTag.get(b.id) ?? [];
        if (copies.some((e) => excused(e.id))) continue;
        if (copies.length === 0)
          found.lost.push(`${label}: booking ${b.id} "${b.title}" ${when(b)} has no event`);
        else {
          const differs = compare(`${label}: booking ${b.id}`, b, copies[0]!);
          if (differs) found.outOfStep.push(differs);
        }
      }
      for (const e of events)
        if (e.bookingTag && !bookings.some((b) => b.id === e.bookingTag) && !excused(e.id, e.bookingTag))
          found.leftOver.push(`${label}: event ${e.id} copies booking ${e.bookingTag}, which is not live`);
    }
    if (inbound(p)) {
      for (const e of events) {
        if (e.bookingTag || excused(e.id)) continue;
        const copies = bySource.get(`${p.calendar.calendarId}/${e.id}`) ?? [];
        if (copies.some((b) => excused(b.id))) continue;
        if (copies.length === 0)
          found.lost.push(`${label}: event ${e.id} "${e.title}" ${when(e)} has no booking`);
        else {
          const differs = compare(`${label}: event ${e.id}`, e, copies[0]!);
          if (differs) found.outOfStep.push(differs);
        }
      }
      for (const b of allBookings) {
        if (b.source?.calendar_id !== p.calendar.calendarId || excused(b.id, b.source.event_id)) continue;
        if (events.some((e) => e.id === b.source!.event_id)) {
          if (b.resource_id !== p.resourceId)
            found.leftOver.push(
              `${label}: booking ${b.id} of its event ${b.source.event_id} is on ${b.resource_id}`,
            );
          continue;
        }
        // Its event was deleted while the booking was edited in Sched: the edit won (newest), and the booking went
        // back out as a copy. One copy, in step, is right; none means the deletion was neither carried nor undone.
        const copies = byTag.get(b.id) ?? [];
        if (copies.length === 0)
          found.leftOver.push(
            `${label}: booking ${b.id} stays though its event ${b.source.event_id} is gone`,
          );
        else {
          const differs = compare(`${label}: booking ${b.id} (its event gone)`, b, copies[0]!);
          if (differs) found.outOfStep.push(differs);
        }
      }
    }
  }
  found.excused = skipped.size;
  return found;
}

/** Requests that change something, per service, from `GET /sandbox/stats` rows (the OAuth service left out). */
export function writeRequests(
  rows: { service: string; method: string; route: string; count: number }[],
): Record<string, number> {
  const writes: Record<string, number> = {};
  for (const r of rows) {
    if (r.service === 'oauth' || r.method === 'GET') continue;
    const key = `${r.service} ${r.method} ${r.route}`;
    writes[key] = (writes[key] ?? 0) + r.count;
  }
  return writes;
}
