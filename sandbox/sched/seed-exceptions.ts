/**
 * The demo seed's availability exceptions: a public holiday closing Classroom 101 for a day and a maintenance
 * morning in the Recording Studio, both in the coming week and on days those resources have no bookings, so the
 * seed stays consistent (Sched would refuse a booking over them) and the agent meets exceptions from the first run.
 */
import type { AvailabilityException, Resource } from './model';
import { addDays, dateInZone, toUtcString, zonedToInstant } from './time';

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The first date on or after `date` that falls on `day` (0 = Sunday). */
function nextWeekday(date: string, day: number): string {
  let next = date;
  while (weekday(next) !== day) next = addDays(next, 1);
  return next;
}

/** Demo exceptions for the given resources, relative to `now`. */
export function demoExceptions(resources: readonly Resource[], now: Date): AvailabilityException[] {
  const createdAt = toUtcString(new Date(now.getTime() - 10 * 24 * 60 * 60 * 1000));
  const exceptions: AvailabilityException[] = [];
  const stamp = {
    status: 'active',
    source: null,
    version: 1,
    created_at: createdAt,
    updated_at: createdAt,
  } as const;
  const classroom = resources.find((resource) => resource.id === 'rsc_classroom_101');
  if (classroom) {
    // A Friday within the next week: the classroom has no Friday lessons, and the exam day is a later Friday.
    const date = nextWeekday(addDays(dateInZone(now, classroom.timezone), 1), 5);
    exceptions.push({
      id: `exc_demo_classroom_101_${date.replaceAll('-', '')}_holiday`,
      resource_id: classroom.id,
      start: date,
      end: addDays(date, 1),
      all_day: true,
      timezone: classroom.timezone,
      reason: 'Public holiday',
      ...stamp,
    });
  }
  const studio = resources.find((resource) => resource.id === 'rsc_recording_studio');
  if (studio) {
    // A Wednesday morning: the studio is only booked on Saturdays.
    const date = nextWeekday(addDays(dateInZone(now, studio.timezone), 2), 3);
    exceptions.push({
      id: `exc_demo_recording_studio_${date.replaceAll('-', '')}_maintenance`,
      resource_id: studio.id,
      start: toUtcString(zonedToInstant(date, '09:00', studio.timezone)),
      end: toUtcString(zonedToInstant(date, '12:00', studio.timezone)),
      all_day: false,
      timezone: studio.timezone,
      reason: 'Maintenance: new acoustic panels',
      ...stamp,
    });
  }
  return exceptions;
}
