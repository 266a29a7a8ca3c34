/** The schedule view's days and rows: pairs joined, each day in the resource's zone, weeks from Monday. */
import { expect, test } from 'vitest';
import type { ScheduleItem } from '../../../preload/contract';
import { scheduleRows, stateCounts } from '../../../renderer/src/lib/schedule-rows';
import { addDaysTo, daysBetween, mondayOf } from '../../../renderer/src/lib/week';

const item = (
  side: ScheduleItem['side'],
  id: string,
  start: string,
  linked: string | null = null,
): ScheduleItem => ({
  side,
  kind: side === 'sched' ? 'booking' : 'event',
  id,
  title: id,
  description: '',
  location: '',
  start,
  end: start,
  all_day: start.length === 10,
  state: linked ? 'in-sync' : 'waiting',
  linked_id: linked,
  conflict_id: null,
  history: [],
});

test('a booking and its calendar copy share one row; other items stand alone, by start, all-day first', () => {
  const rows = scheduleRows(
    [
      item('sched', 'b1', '2025-03-04T09:00:00Z', 'e1'),
      item('external', 'e2', '2025-03-04T08:00:00Z'),
      item('external', 'e1', '2025-03-04T09:00:00Z', 'b1'),
      item('external', 'e3', '2025-03-04'),
    ],
    'Europe/London',
  );

  expect(rows.get('2025-03-04')?.map((r) => [r.sched?.id ?? null, r.external?.id ?? null])).toEqual([
    [null, 'e3'],
    [null, 'e2'],
    ['b1', 'e1'],
  ]);
});

test("an item late in the evening UTC falls on the resource's next day east of UTC", () => {
  const rows = scheduleRows([item('sched', 'b1', '2025-03-04T23:30:00Z')], 'Asia/Tokyo');

  expect([...rows.keys()]).toEqual(['2025-03-05']);
});

test('a week starts on Monday, and moving a week moves seven days', () => {
  expect(mondayOf('2025-03-06')).toBe('2025-03-03');
  expect(mondayOf('2025-03-09')).toBe('2025-03-03');
  expect(addDaysTo('2025-03-03', 7)).toBe('2025-03-10');
  expect(daysBetween('2025-03-03', '2025-03-09')).toHaveLength(7);
});

test('the legend counts each state', () => {
  const counts = stateCounts([item('sched', 'b1', '2025-03-04', 'e1'), item('external', 'e2', '2025-03-04')]);

  expect(counts).toMatchObject({ 'in-sync': 1, waiting: 1, conflict: 0 });
});
