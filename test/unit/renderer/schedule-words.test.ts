/** The schedule's words for blocked time: Sched's reason as its title, and why it stays in Sched. */
import { expect, test } from 'vitest';
import { scheduleItemTitle, scheduleStateText } from '../../../renderer/src/lib/schedule-words';

test('blocked time is titled by its reason, or "Blocked time" when Sched gives none; other items by their title', () => {
  expect(scheduleItemTitle({ kind: 'blocked', title: 'Public holiday' })).toBe('Public holiday');
  expect(scheduleItemTitle({ kind: 'blocked', title: ' ' })).toBe('Blocked time');
  expect(scheduleItemTitle({ kind: 'booking', title: '' })).toBe('(no title)');
  expect(scheduleItemTitle({ kind: 'event', title: 'Dentist' })).toBe('Dentist');
});

test('blocked time a connection does not copy says it stays in Sched; under busy it reads like any item', () => {
  expect(scheduleStateText({ kind: 'blocked', state: 'not-synced' }, 'bookings')).toBe(
    'Not copied to the calendar: this connection copies bookings, and blocked time stays in Sched',
  );
  expect(scheduleStateText({ kind: 'blocked', state: 'not-synced' }, 'busy')).toBe(
    'Not synced (outside the window or the direction)',
  );
  expect(scheduleStateText({ kind: 'blocked', state: 'in-sync' }, 'busy')).toBe('In sync');
  expect(scheduleStateText({ kind: 'booking', state: 'not-synced' }, 'bookings')).toBe(
    'Not synced (outside the window or the direction)',
  );
});
