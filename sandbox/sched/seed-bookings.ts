/**
 * The demo seed's Sched bookings (seed.ts puts them in the state): a working pattern per resource from a week
 * ago to three weeks ahead of the sandbox clock, in each resource's own time zone, with past ones completed,
 * one cancelled, one pending and one all-day booking, so every kind of booking the agent meets is there from
 * the first run.
 */
import type { Booking, BookingClient, BookingStatus, Resource } from './model';
import { addDays, dateInZone, toUtcString, zonedToInstant } from './time';

interface Slot {
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  from: string;
  to: string;
  title: (index: number) => string;
  client?: (index: number) => BookingClient;
}

const PATIENTS = ['Chris Park', 'Dana Whitfield', 'Eli Moreno', 'Fatima Noor', 'Gus Lindqvist', 'Hana Sato'];
const CUSTOMERS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin Toys'];

const PATTERNS: Record<string, Slot[]> = {
  rsc_meeting_room_a: [
    { weekdays: [1, 3], from: '09:30', to: '10:00', title: () => 'Team stand-up' },
    {
      weekdays: [2, 4],
      from: '14:00',
      to: '15:30',
      title: (i) => `Client review: ${CUSTOMERS[i % CUSTOMERS.length]}`,
      client: (i) => ({
        name: CUSTOMERS[i % CUSTOMERS.length],
        email: `events@${(CUSTOMERS[i % CUSTOMERS.length] ?? 'client').toLowerCase().replace(/\s+/g, '')}.example`,
      }),
    },
    { weekdays: [5], from: '16:00', to: '17:00', title: () => 'Sprint demo' },
  ],
  rsc_dr_maria_lopez: [9, 10.5, 15].map((hour) => ({
    weekdays: [1, 3, 5],
    from: `${String(Math.floor(hour)).padStart(2, '0')}:${hour % 1 ? '30' : '00'}`,
    to: `${String(Math.floor(hour + 0.5)).padStart(2, '0')}:${hour % 1 ? '00' : '30'}`,
    title: (i: number) => `Appointment: ${PATIENTS[i % PATIENTS.length]}`,
    client: (i: number) => {
      const name = PATIENTS[i % PATIENTS.length] ?? 'Patient';
      return { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@patients.example` };
    },
  })),
  rsc_classroom_101: [
    { weekdays: [1, 3], from: '08:30', to: '10:00', title: () => 'Algebra I' },
    { weekdays: [2, 4], from: '13:00', to: '15:00', title: () => 'Chemistry lab' },
  ],
  rsc_recording_studio: [{ weekdays: [6], from: '10:00', to: '13:00', title: () => 'Podcast recording' }],
};

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** Demo bookings for the given resources, relative to `now`. */
export function demoBookings(resources: readonly Resource[], now: Date): Booking[] {
  const createdAt = toUtcString(new Date(now.getTime() - 10 * 24 * 60 * 60 * 1000));
  const bookings: Booking[] = [];
  for (const resource of resources) {
    const today = dateInZone(now, resource.timezone);
    let index = 0;
    for (let offset = -7; offset <= 21; offset++) {
      const date = addDays(today, offset);
      for (const slot of PATTERNS[resource.id] ?? []) {
        if (!slot.weekdays.includes(weekday(date))) continue;
        const start = zonedToInstant(date, slot.from, resource.timezone);
        const end = zonedToInstant(date, slot.to, resource.timezone);
        const status: BookingStatus = end <= now ? 'completed' : 'confirmed';
        bookings.push({
          id: `bkg_demo_${resource.id.slice(4)}_${date.replaceAll('-', '')}_${slot.from.replace(':', '')}`,
          resource_id: resource.id,
          title: slot.title(index),
          description: `Demo booking of ${resource.name}.`,
          start: toUtcString(start),
          end: toUtcString(end),
          all_day: false,
          timezone: resource.timezone,
          status,
          client: slot.client?.(index) ?? null,
          source: null,
          version: 1,
          created_at: createdAt,
          updated_at: createdAt,
        });
        index++;
      }
    }
  }
  markSpecialCases(bookings, resources, now, createdAt);
  return bookings;
}

/** One cancelled and one pending future appointment, and an all-day exam day in the classroom. */
function markSpecialCases(
  bookings: Booking[],
  resources: readonly Resource[],
  now: Date,
  createdAt: string,
): void {
  const future = bookings.filter((b) => b.resource_id === 'rsc_dr_maria_lopez' && b.status === 'confirmed');
  const cancelled = future[2];
  if (cancelled) Object.assign(cancelled, { status: 'cancelled', version: 2 });
  const pending = future[4];
  if (pending) pending.status = 'pending';
  const classroom = resources.find((resource) => resource.id === 'rsc_classroom_101');
  if (!classroom) return;
  let date = addDays(dateInZone(now, classroom.timezone), 8);
  while (weekday(date) !== 5) date = addDays(date, 1);
  bookings.push({
    id: `bkg_demo_classroom_101_${date.replaceAll('-', '')}_exam`,
    resource_id: classroom.id,
    title: 'Exam day',
    description: 'Mid-term exams; the room is closed all day.',
    start: date,
    end: addDays(date, 1),
    all_day: true,
    timezone: classroom.timezone,
    status: 'confirmed',
    client: null,
    source: null,
    version: 1,
    created_at: createdAt,
    updated_at: createdAt,
  });
}
