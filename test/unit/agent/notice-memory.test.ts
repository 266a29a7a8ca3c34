import { describe, expect, it } from 'vitest';
import { NoticeMemory, type NoticeSnapshot } from '../../../main/agent/notice-memory';
import type { SyncStatus } from '../../../preload/contract';

type Row = NoticeSnapshot['connections'][number];
const conn = (calendar_id: string, sync_status: SyncStatus, status_message: string | null = null): Row => ({
  calendar_id,
  sync_status,
  status_message,
});
const snap = (connections: Row[], conflicts: NoticeSnapshot['conflicts'] = []): NoticeSnapshot => ({
  connections,
  conflicts,
});
const titles = (memory: NoticeMemory, snapshot: NoticeSnapshot) => memory.next(snapshot).map((n) => n.title);

describe('NoticeMemory', () => {
  it('says nothing while everything syncs', () => {
    const memory = new NoticeMemory();

    expect(memory.next(snap([conn('a', 'active'), conn('b', 'syncing')]))).toEqual([]);
  });

  it('asks for a sign-in once, opening Accounts, and again only after it was fixed and lost again', () => {
    const memory = new NoticeMemory();
    const expired = snap([conn('alex@example.com', 'reauth_required', 'The Google sign-in expired.')]);

    expect(memory.next(expired)).toEqual([
      {
        cause: 'sign-in',
        title: 'Sign in again',
        body: 'alex@example.com: The Google sign-in expired.',
        view: 'accounts',
        calendar_id: 'alex@example.com',
      },
    ]);
    expect(memory.next(expired)).toEqual([]);
    expect(memory.next(snap([conn('alex@example.com', 'active')]))).toEqual([]);
    expect(titles(memory, expired)).toEqual(['Sign in again']);
  });

  it('asks for a review once, opening Connections where the deletions are applied or cancelled', () => {
    const memory = new NoticeMemory();
    const review = snap([conn('a', 'needs_review')]);

    const [notice] = memory.next(review);

    expect(notice).toMatchObject({ cause: 'review', title: 'Review needed', view: 'connections' });
    expect(notice!.body).toContain('apply or cancel');
    expect(memory.next(review)).toEqual([]);
  });

  it('tells of a failed run once per error: the same error again is no news, a success then a failure is', () => {
    const memory = new NoticeMemory();
    const failed = snap([conn('a', 'error', 'Google Calendar is unreachable.')]);

    expect(memory.next(failed)).toMatchObject([
      {
        cause: 'run-failed',
        title: 'Sync failed',
        view: 'activity',
        body: 'a: Google Calendar is unreachable.',
      },
    ]);
    // The next runs fail the same way (a run in progress in between decides nothing).
    expect(memory.next(snap([conn('a', 'syncing')]))).toEqual([]);
    expect(memory.next(failed)).toEqual([]);
    expect(memory.next(failed)).toEqual([]);
    // A success, then the same failure: news again.
    expect(memory.next(snap([conn('a', 'active')]))).toEqual([]);
    expect(titles(memory, failed)).toEqual(['Sync failed']);
  });

  it('tells of a failure with another error while still failing', () => {
    const memory = new NoticeMemory();
    memory.next(snap([conn('a', 'error', 'Google Calendar is unreachable.')]));

    expect(memory.next(snap([conn('a', 'error', 'Sched refused the API key.')]))).toMatchObject([
      { body: 'a: Sched refused the API key.' },
    ]);
  });

  it('keeps what was announced over a pause', () => {
    const memory = new NoticeMemory();
    const failed = snap([conn('a', 'error', 'x')]);
    memory.next(failed);

    memory.next(snap([conn('a', 'paused')]));

    expect(memory.next(failed)).toEqual([]);
  });

  it('forgets a connection that was removed, so connecting it again starts afresh', () => {
    const memory = new NoticeMemory();
    const failed = snap([conn('a', 'error', 'x')]);
    memory.next(failed);

    memory.next(snap([]));

    expect(titles(memory, failed)).toEqual(['Sync failed']);
  });

  it('announces each connection on its own', () => {
    const memory = new NoticeMemory();
    memory.next(snap([conn('a', 'reauth_required')]));

    const notices = memory.next(snap([conn('a', 'reauth_required'), conn('b', 'reauth_required')]));

    expect(notices.map((n) => n.calendar_id)).toEqual(['b']);
  });

  it('asks once for the sign-in of an account that several calendars lost together', () => {
    const memory = new NoticeMemory();
    const lost = (calendar_id: string) => ({
      ...conn(calendar_id, 'reauth_required'),
      account_id: 'acc_alex',
    });

    const notices = memory.next(snap([lost('alex@example.com'), lost('Team room'), conn('b', 'active')]));

    expect(notices).toEqual([
      {
        cause: 'sign-in',
        title: 'Sign in again',
        body: 'alex@example.com, Team room: their sign-in is needed again to resume syncing.',
        view: 'accounts',
        calendar_id: null,
      },
    ]);
  });

  it('announces a conflict by its id: once, not again on every run while it stays open', () => {
    const memory = new NoticeMemory();
    const one = snap([conn('a', 'active')], [{ id: '7', calendar_id: 'a', kind: 'edit' }]);

    expect(memory.next(one)).toEqual([
      {
        cause: 'conflicts',
        title: 'New conflict',
        body: 'a: an item was changed on both sides. Choose what to keep in Conflicts.',
        view: 'conflicts',
        calendar_id: 'a',
      },
    ]);
    expect(memory.next(one)).toEqual([]);
    expect(memory.next(one)).toEqual([]);
  });

  it('names double bookings, and announces only the conflicts that are new', () => {
    const memory = new NoticeMemory();
    memory.next(snap([], [{ id: '1', calendar_id: 'a', kind: 'edit' }]));

    const notices = memory.next(
      snap(
        [],
        [
          { id: '1', calendar_id: 'a', kind: 'edit' },
          { id: '2', calendar_id: 'a', kind: 'overlap' },
          { id: '3', calendar_id: 'b', kind: 'overlap' },
        ],
      ),
    );

    expect(notices).toEqual([
      {
        cause: 'conflicts',
        title: '2 double bookings',
        body: '2 calendars: 2 Sched bookings overlap calendar events. Choose what to keep in Conflicts.',
        view: 'conflicts',
        calendar_id: null,
      },
    ]);
  });

  it('calls one double booking by its name, and a mix of kinds conflicts', () => {
    expect(titles(new NoticeMemory(), snap([], [{ id: '1', calendar_id: 'a', kind: 'overlap' }]))).toEqual([
      'Double booking',
    ]);
    const mixed = new NoticeMemory().next(
      snap(
        [],
        [
          { id: '1', calendar_id: 'a', kind: 'overlap' },
          { id: '2', calendar_id: 'a', kind: 'edit' },
        ],
      ),
    );
    expect(mixed.map((n) => [n.title, n.body])).toEqual([
      [
        '2 new conflicts',
        'a: a Sched booking overlaps a calendar event; an item was changed on both sides. Choose what to keep in Conflicts.',
      ],
    ]);
  });
});
