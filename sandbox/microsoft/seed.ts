/**
 * Seeds: `empty` gives each user a mailbox with its default calendar "Calendar"; `demo` adds a second
 * calendar and events around the sandbox clock's today: single events, a weekly series with one moved and
 * one cancelled occurrence, and an all-day event, so every shape the agent must handle is there at once;
 * seed-availability.ts adds invitations (tentative, declined, cancelled) and a day working elsewhere.
 */
import { fieldsForCreate, fieldsForPatch } from './event-input';
import { findInstance, occurrencesOf } from './instances';
import type { Mailbox } from './model';
import { dayNumber, dayString } from './recurrence';
import { seedAvailabilityEvents } from './seed-availability';
import type { GraphStore } from './store';
import { resolveZone, utcToLocal } from './time-zones';

/** The zones demo users write in (Windows names, as Outlook sends them). */
const DEMO_ZONES = [
  'Pacific Standard Time',
  'W. Europe Standard Time',
  'Eastern Standard Time',
  'Tokyo Standard Time',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function at(day: number, time: string, timeZone: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${dayString(day)}T${time}:00`, timeZone };
}

function seedDemoMailbox(store: GraphStore, mailbox: Mailbox, timeZone: string, today: number): void {
  const calendar = store.defaultCalendar(mailbox);
  const second = store.addCalendar(mailbox, 'Team Events');
  const add = (calendarId: string, body: Record<string, unknown>) =>
    store.create(mailbox, calendarId, fieldsForCreate(body));

  add(calendar.id, {
    subject: 'Project sync',
    body: { contentType: 'html', content: '<p>Weekly status of the Sched Sync rollout.</p>' },
    location: { displayName: 'Meeting Room A' },
    start: at(today + 1, '10:00', timeZone),
    end: at(today + 1, '11:00', timeZone),
  });
  add(calendar.id, {
    subject: 'Dentist',
    showAs: 'oof',
    sensitivity: 'private',
    start: at(today + 3, '15:00', timeZone),
    end: at(today + 3, '16:00', timeZone),
  });
  add(calendar.id, {
    subject: 'Company offsite',
    isAllDay: true,
    showAs: 'free',
    start: at(today + 7, '00:00', timeZone),
    end: at(today + 8, '00:00', timeZone),
  });

  const weekday = new Date(today * 86_400_000).getUTCDay();
  const nextMonday = today + ((8 - weekday) % 7 || 7);
  const series = add(calendar.id, {
    subject: 'Weekly planning',
    body: { contentType: 'text', content: 'Plan the week ahead.' },
    location: { displayName: 'Classroom 101' },
    start: at(nextMonday, '09:00', timeZone),
    end: at(nextMonday, '09:30', timeZone),
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: [WEEKDAYS[1]], firstDayOfWeek: 'sunday' },
      range: {
        type: 'numbered',
        startDate: dayString(nextMonday),
        numberOfOccurrences: 12,
        recurrenceTimeZone: timeZone,
      },
    },
  });
  const [, secondWeek, thirdWeek] = occurrencesOf(series, new Set(), (nextMonday + 21) * 86_400_000);
  const moved = secondWeek && findInstance(mailbox, secondWeek.id);
  if (moved) {
    const fields = fieldsForPatch(
      { ...series, start: moved.start, end: moved.end, recurrence: null },
      {
        subject: 'Weekly planning (moved)',
        start: at(nextMonday + 8, '11:00', timeZone),
        end: at(nextMonday + 8, '11:30', timeZone),
      },
      false,
    );
    store.update(mailbox, moved, fields);
  }
  const cancelled = thirdWeek && findInstance(mailbox, thirdWeek.id);
  if (cancelled) store.remove(mailbox, cancelled);

  add(second.id, {
    subject: 'Team lunch',
    location: { displayName: 'Cafeteria' },
    start: at(today + 2, '12:00', timeZone),
    end: at(today + 2, '13:00', timeZone),
  });
  add(second.id, {
    subject: 'Quarterly review',
    start: at(today + 10, '14:00', timeZone),
    end: at(today + 10, '15:30', timeZone),
  });
  seedAvailabilityEvents(store, mailbox, timeZone, today);
}

/** Puts a seed into an emptied store. */
export function seedGraph(store: GraphStore, kind: 'empty' | 'demo', users: string[], now: Date): void {
  users.forEach((user, index) => {
    const mailbox = store.mailbox(user);
    if (kind !== 'demo') return;
    const timeZone = DEMO_ZONES[index % DEMO_ZONES.length]!;
    const today = dayNumber(utcToLocal(now, resolveZone(timeZone) ?? 'UTC').slice(0, 10));
    seedDemoMailbox(store, mailbox, timeZone, today);
  });
}
