/**
 * The renderer's pure helpers (words, times, event stream parsing), tested without a browser. Times are checked in fixed zones so the machine's zone does not matter.
 */
import { expect, test } from 'vitest';
import type { AccountView, RunSummary } from '../../../preload/contract';
import { parseEventStream } from '../../../renderer/src/api/live-events';
import { formatAgo, formatItemTime, formatWhen } from '../../../renderer/src/lib/format-time';
import { canUndo, describeChange, describeRun, sideCounts } from '../../../renderer/src/lib/run-text';
import { findSignedIn } from '../../../renderer/src/lib/sign-in-match';

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

const account = (
  id: string,
  status: AccountView['status'],
  provider: AccountView['provider'] = 'google',
) => ({
  account_id: id,
  provider,
  email: `${id}@example.com`,
  status,
});

test.describe('planned changes in words', () => {
  test('a create names the action, the title and when, on the resource clock with the year', () => {
    const text = describeChange(
      {
        action: 'create',
        side: 'external',
        reason: 'new',
        title: 'Team standup',
        start: '2025-03-04T10:00:00Z',
      },
      'America/New_York',
      'en-US',
    );

    expect(text).toBe('Create · Team standup · Tue, Mar 4, 2025, 5:00 AM');
  });

  test('a delete keeps an all-day date and does not repeat the side (the heading names it)', () => {
    const text = describeChange(
      { action: 'delete', side: 'sched', reason: 'gone', title: 'Exam day', start: '2025-03-04' },
      'Europe/London',
      'en-US',
    );

    expect(text).toBe('Delete · Exam day · Tue, Mar 4, 2025 (all day)');
  });

  test('an untitled item is called "(no title)"', () => {
    const text = describeChange(
      { action: 'update', side: 'external', reason: 'edit', title: ' ', start: '2025-03-04' },
      undefined,
      'en-US',
    );

    expect(text).toBe('Update · (no title) · Tue, Mar 4, 2025 (all day)');
  });
});

test.describe('runs in words', () => {
  test('a sync lists what it created and updated on each side, and its conflicts', () => {
    const text = describeRun(
      run({ created: { sched: 2, external: 3 }, updated: { sched: 1, external: 0 }, conflicts: 1 }),
      'google',
      'Meeting Room A',
    );

    expect(text).toBe(
      'Synced Meeting Room A: 3 created in Google Calendar, 2 created in Sched, 1 updated in Sched. 1 conflict waits for you under Conflicts.',
    );
  });

  test('a failed sync gives the agent message', () => {
    const text = describeRun(
      run({ status: 'error', message: 'Google refused the saved sign-in.' }),
      'google',
      'X',
    );

    expect(text).toBe('Sync of X failed: Google refused the saved sign-in.');
  });

  test('an idle sync says nothing needed changing, and counts its conflicts in plain words', () => {
    expect(describeRun(run(), 'google', 'X')).toBe('Synced X: nothing needed changing.');
    expect(describeRun(run({ conflicts: 2 }), 'google', 'X')).toBe(
      'Synced X: nothing needed changing. 2 conflicts wait for you under Conflicts.',
    );
  });

  test('side counts skip zeros and say "No changes" when there are none', () => {
    const summary = run({ created: { sched: 0, external: 4 }, deleted: { sched: 0, external: 1 } });

    expect(sideCounts(summary, 'external')).toBe('4 created · 1 deleted');
    expect(sideCounts(summary, 'sched')).toBe('No changes');
  });

  test('only a finished sync that wrote something, not yet undone, offers Undo', () => {
    const wrote = { created: { sched: 1, external: 0 } };

    expect(canUndo(run(wrote))).toBe(true);
    expect(canUndo(run())).toBe(false);
    expect(canUndo(run({ ...wrote, undone: true }))).toBe(false);
    expect(canUndo(run({ ...wrote, kind: 'undo' }))).toBe(false);
    expect(canUndo(run({ ...wrote, status: 'error' }))).toBe(false);
  });
});

test.describe('times', () => {
  test("a conflict time reads on the resource's clock, the writer's clock in small print where it differs", () => {
    const text = formatItemTime('2025-03-04T09:30:00.000Z (America/New_York)', 'Europe/London', 'en-US');

    expect(text).toEqual({
      main: 'Tue, Mar 4, 2025, 9:30 AM',
      other: 'Tue, Mar 4, 2025, 4:30 AM in America/New_York',
    });
  });

  test('a conflict time written in the resource zone has no small print', () => {
    const text = formatItemTime('2025-03-04T09:30:00.000Z (Europe/London)', 'Europe/London', 'en-US');

    expect(text).toEqual({ main: 'Tue, Mar 4, 2025, 9:30 AM', other: null });
  });

  test('an all-day date does not move to another day', () => {
    expect(formatWhen('2025-12-31', undefined, 'en-US')).toBe('Wed, Dec 31, 2025 (all day)');
  });

  test('a last sync reads as time ago, and never as "Never"', () => {
    const now = new Date('2025-03-04T10:00:00Z');

    expect(formatAgo('2025-03-04T09:59:50Z', now)).toBe('Just now');
    expect(formatAgo('2025-03-04T09:48:00Z', now)).toBe('12 min ago');
    expect(formatAgo('2025-03-04T07:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo(null, now)).toBe('Never');
  });
});

test.describe('live event stream', () => {
  test('complete events are parsed and a partial one waits for the rest', () => {
    const { events, rest } = parseEventStream(
      ': connected\n\nevent: run-finished\ndata: {"run_id":"r1"}\n\nevent: status\ndata: {"calen',
    );

    expect(events).toEqual([{ type: 'run-finished', data: { run_id: 'r1' } }]);
    expect(rest).toBe('event: status\ndata: {"calen');
  });
});

test.describe('finishing a sign-in', () => {
  test('a new account of the provider is the one just signed in', () => {
    const before = [account('a', 'ok')];
    const after = [account('a', 'ok'), account('m', 'ok', 'microsoft'), account('b', 'ok')];

    expect(findSignedIn('google', before, after)?.account_id).toBe('b');
  });

  test('an account that needed a sign-in and is fine again counts as signed in', () => {
    expect(findSignedIn('google', [account('a', 'reauth_required')], [account('a', 'ok')])?.account_id).toBe(
      'a',
    );
    expect(findSignedIn('google', [account('a', 'ok')], [account('a', 'ok')])).toBeUndefined();
  });
});
