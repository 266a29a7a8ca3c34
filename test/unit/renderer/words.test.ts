/** The words of the activity, preview and conflict screens, checked in fixed zones and locale. */
import { expect, test } from 'vitest';
import type { PlannedChange, RunItem, RunSummary } from '../../../preload/contract';
import {
  itemChanges,
  itemHeadline,
  runKindLabel,
  undoItemLine,
} from '../../../renderer/src/lib/run-item-text';
import { undoWanted } from '../../../renderer/src/lib/conflict-text';
import { inDateOrder, undoPlan } from '../../../renderer/src/lib/run-text';

const run = (overrides: Partial<RunSummary> = {}): RunSummary => ({
  run_id: 'r1',
  calendar_id: 'cal',
  kind: 'sync',
  status: 'ok',
  started_at: '2025-03-04T09:00:00Z',
  finished_at: '2025-03-04T09:00:02Z',
  created: { sched: 0, external: 0 },
  updated: { sched: 0, external: 0 },
  deleted: { sched: 0, external: 0 },
  conflicts: 0,
  errors: 0,
  requests: 2,
  ...overrides,
});

const change = (action: PlannedChange['action'], start: string): PlannedChange => ({
  action,
  side: 'external',
  reason: 'r',
  title: `${action} ${start}`,
  start,
});

test('the preview lists changes by date, an all-day item among the timed ones', () => {
  const sorted = inDateOrder([
    change('create', '2025-03-06T09:00:00Z'),
    change('delete', '2025-03-04T15:00:00Z'),
    change('create', '2025-03-05'),
    change('update', '2025-03-04T08:00:00Z'),
  ]);

  expect(sorted.map((c) => c.start)).toEqual([
    '2025-03-04T08:00:00Z',
    '2025-03-04T15:00:00Z',
    '2025-03-05',
    '2025-03-06T09:00:00Z',
  ]);
});

test('undo says what it will do on each side before it does it', () => {
  const lines = undoPlan(
    run({
      created: { sched: 0, external: 2 },
      updated: { sched: 1, external: 0 },
      deleted: { sched: 0, external: 1 },
    }),
    'google',
  );

  expect(lines).toEqual([
    'Remove 2 events it created in Google Calendar.',
    'Bring back 1 event it deleted from Google Calendar.',
    'Put 1 booking it changed in Sched back as it was.',
  ]);
});

test('a conflict an undo made says what the undo wanted', () => {
  const text = undoWanted(
    { wanted: 'remove', side: 'external', run_started_at: '2025-03-04T09:00:00Z', item: null },
    'Outlook',
    'en-GB',
  );

  expect(text).toMatch(
    /^Undoing the sync of .*2025.* wanted to remove this event, which that sync created in Outlook, but it was changed in Outlook since/,
  );
});

test('a run says what started it', () => {
  expect(runKindLabel(run({ trigger: 'schedule' }))).toBe('Scheduled sync');
  expect(runKindLabel(run({ trigger: 'manual' }))).toBe('Sync now');
  expect(runKindLabel(run({ trigger: 'conflict' }))).toBe('Conflict settled');
  expect(runKindLabel(run({ kind: 'undo', trigger: null }))).toBe('Undo');
  expect(runKindLabel(run({ trigger: null }))).toBe('Sync');
});

test('an updated item shows only the fields it changed, before → after, on the resource clock', () => {
  const item = {
    id: 'e1',
    title: 'Induction',
    description: '',
    location: '',
    start: '2025-03-04T09:00:00.000Z (Europe/London)',
    end: '2025-03-04T10:00:00.000Z (Europe/London)',
  };
  const changes = itemChanges(
    item,
    { ...item, title: 'Induction (room 2)', start: '2025-03-04T09:30:00.000Z (America/New_York)' },
    'Europe/London',
    'en-US',
  );

  expect(changes).toEqual([
    { field: 'Title', before: 'Induction', after: 'Induction (room 2)' },
    { field: 'Starts', before: 'Tue, Mar 4, 2025, 9:00 AM', after: 'Tue, Mar 4, 2025, 9:30 AM' },
  ]);
});

test('undo names each item it will touch', () => {
  const item = (action: RunItem['action'], side: RunItem['side']): RunItem => ({
    side,
    action,
    title: 'Induction',
    start: '',
    end: '',
    before: null,
    after: null,
    undone: false,
  });

  expect(undoItemLine(item('create', 'external'), 'microsoft')).toBe('Remove “Induction” from Outlook.');
  expect(undoItemLine(item('update', 'sched'), 'microsoft')).toBe('Put “Induction” in Sched back as it was.');
  expect(
    undoItemLine({ ...item('update', 'sched'), title: 'Unavailable: Dentist', stays: true }, 'google'),
  ).toBe('Leave “Unavailable: Dentist” in Sched with its event: blocked time follows the event.');
  expect(undoItemLine(item('delete', 'external'), 'google')).toBe(
    'Bring “Induction” back in Google Calendar.',
  );
  expect(itemHeadline(item('delete', 'external'), 'google')).toBe('Deleted from Google Calendar');
});
