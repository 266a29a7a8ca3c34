/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on:
 * time and the window, remaps, double bookings, undo, crashes, directions and conflict answers. Each names what the
 * person sees. They failed until the bug they show was fixed (issue 9); keep them.
 */
import { describe, it } from 'vitest';
import { connect, add, move, rename, remove, sync, undoLatest, settle, check } from './counterexample-steps';

describe('agent model counterexamples: time and the window', () => {
  it(
    'a booking beyond the window is copied once days pass and bring it inside (issue 9 #1)',
    check([
      connect(0, 0),
      add('sched', 0, 12),
      add('sched', 200, 12),
      sync,
      { kind: 'wait', minutes: 31 * 24 * 60 },
    ]),
  );

  it(
    'an event beyond the window becomes a booking once days pass and bring it inside (issue 9 #1)',
    check([
      connect(0, 0),
      add('external', 0, 12),
      add('external', 200, 12),
      sync,
      { kind: 'wait', minutes: 31 * 24 * 60 },
    ]),
  );

  it(
    'a booking beyond the window is copied once the window is widened to reach it (issue 9 #1)',
    // The first booking matters: without any link every run reads in full and finds the far one.
    check([
      connect(0, 0),
      add('sched', 0, 9),
      add('sched', 181, 9),
      sync,
      { kind: 'setting', pick: 0, patch: { window_days_future: 400 } },
    ]),
  );

  it(
    'the schedule leaves a new connection alone until a person syncs or previews it (issue 9 #7)',
    check([connect(0, 0, { sync_frequency: '15min' }), { kind: 'wait', minutes: 360 }]),
  );
});

describe('agent model counterexamples: remap and reconnect (issue 9 #2)', () => {
  it(
    "a remap removes the copies of the old resource's bookings from the calendar",
    check([connect(0, 0), add('sched', 0, 9), sync, { kind: 'remap', pick: 0, resource: 1 }]),
  );

  it(
    "a remap moves the bookings made from the calendar's events to the new resource",
    check([add('external', 1, 12), connect(0, 0), sync, { kind: 'remap', pick: 0, resource: 1 }]),
  );

  it(
    'after a remap, a moved event blocks one resource, not two',
    check([
      connect(0, 0, { conflict_resolution: 'newest' }),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      move('external', 0, 10),
    ]),
  );

  it(
    "disconnecting and connecting the calendar to another resource removes the old resource's copies",
    check([
      connect(0, 1),
      add('sched', 0, 9),
      sync,
      { kind: 'disconnect', pick: 0 },
      connect(0, 0),
      rename('sched'),
    ]),
  );
});

describe('agent model counterexamples: double bookings and conflicts', () => {
  it(
    'an imported event moved onto a taken slot becomes an overlap conflict and the calendar keeps syncing (issue 9 #4)',
    check([add('external', 1, 9), add('sched', 2, 9), connect(0, 0), sync, move('external', 2, 9, 0)]),
  );
  it(
    "a booking's event moved onto a slot another booking holds does not stop the calendar (issue 9 #4)",
    check([connect(0, 0), add('sched', 0, 9), sync, move('external', 0, 15), add('sched', 0, 15), sync]),
  );

  it(
    'an overlap conflict whose event and booking are both gone leaves the list (issue 9 #6)',
    check([
      add('external', 1, 9),
      add('sched', 1, 9),
      connect(0, 0, { direction: 'external-to-sched' }),
      sync,
      remove('external'),
      remove('sched'),
      sync,
    ]),
  );
});

describe('agent model counterexamples: undo (issue 9 #3)', () => {
  it(
    'a booking an undo restores is synced again: its event comes back',
    check([add('sched', 1, 12), connect(0, 0), sync, remove('external'), sync, undoLatest, settle]),
  );

  it(
    'an event an undo restores is synced again: its booking comes back',
    check([add('external', 1, 12), connect(0, 0), sync, remove('sched'), sync, undoLatest, settle]),
  );
});

describe('agent model counterexamples: crashes, lost state and sign-ins', () => {
  it(
    'disconnecting after the state DB was lost answers a clear error or succeeds, never 500',
    check([connect(0, 0), { kind: 'lose-state' }, { kind: 'disconnect', pick: 0 }]),
  );

  it(
    "Sched's Connected Calendars shows active again once the person signs in again with a token (issue 9 #5)",
    check([
      connect(0, 0),
      sync,
      { kind: 'revoke', service: 'google' },
      sync,
      { kind: 'renew', service: 'google', how: 'token' },
    ]),
  );

  it(
    'a preview after a crash predicts the replayed writes of the next run',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      remove('sched'),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'after the state DB is lost, a resync never reports as created a booking that stays cancelled',
    check([connect(0, 0), add('external', 0, 9), sync, remove('sched'), { kind: 'lose-state' }]),
  );

  it(
    'after the state DB is lost, an event whose booking moved out of the window is not tied to it at another time',
    check([
      connect(0, 0),
      add('external', 1, 9),
      { kind: 'wait', minutes: 31 * 24 * 60 },
      sync,
      { kind: 'lose-state' },
      move('sched', 0, 9),
    ]),
  );

  it(
    "Sched's Connected Calendars and the agent agree on the status after the state DB is lost",
    check([connect(0, 0), { kind: 'revoke', service: 'google' }, settle, { kind: 'lose-state' }]),
  );
});

describe('agent model counterexamples: directions, settings and conflict choices', () => {
  it(
    'an open overlap conflict is not sent to Sched again on every run (an idle run writes nothing)',
    check([
      connect(1, 0),
      connect(0, 0, { direction: 'external-to-sched' }),
      add('sched', 0, 9),
      add('external', 0, 9, 7),
      sync,
    ]),
  );

  it(
    'keep-sched on an external-to-sched connection never writes to the calendar',
    check([
      connect(0, 0, { direction: 'external-to-sched' }),
      add('external', 0, 9),
      sync,
      move('sched', 0, 9),
      undoLatest,
      rename('sched'),
      { kind: 'resolve', pick: 0, choice: 0 },
    ]),
  );

  it(
    "a person's move of a booking's event is not bounced back by another calendar of the same resource",
    // The booking follows the external-to-sched calendar's event, so the copy's move is put back by its own
    // connection, once, instead of Sched's booking moving and being moved back (docs/sync-rules.md).
    check([
      connect(1, 2, { direction: 'external-to-sched' }),
      add('external', 0, 9),
      connect(0, 2),
      settle,
      move('external', 0, 15, 0),
    ]),
  );

  it(
    'a booking an external-to-sched connection left alone is copied once the connection becomes two-way',
    check([
      connect(0, 0, { direction: 'external-to-sched' }),
      add('external', 0, 10),
      add('sched', 0, 9),
      sync,
      { kind: 'setting', pick: 0, patch: { direction: 'two-way' } },
    ]),
  );

  it(
    'an event a sched-to-external connection left alone becomes a booking once the connection becomes two-way',
    check([
      connect(0, 0, { direction: 'sched-to-external' }),
      add('sched', 0, 10),
      add('external', 0, 9),
      sync,
      { kind: 'setting', pick: 0, patch: { direction: 'two-way' } },
    ]),
  );

  it(
    'an event a sched-to-external connection left alone becomes a booking once the calendar is connected again two-way',
    check([
      connect(1, 2, { direction: 'sched-to-external' }),
      add('external', 0, 9),
      add('sched', 0, 9),
      settle,
      { kind: 'disconnect', pick: 0 },
      connect(1, 2),
    ]),
  );
});

describe('agent model counterexamples: remaps, undo and conflict answers', () => {
  it(
    "a remap never deletes the person's own event, even when its old booking is edited",
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      rename('external'),
      { kind: 'remap', pick: 0, resource: 1 },
      move('sched', 0, 9),
    ]),
  );

  it(
    'a remap whose old booking the person cancelled before the remap run still gives the event a booking',
    // Found by test:deep (seed 1280471095).
    check([
      connect(0, 0),
      add('external', 0, 9),
      settle,
      { kind: 'disconnect', pick: 0 },
      connect(0, 1),
      remove('sched'),
    ]),
  );

  it(
    "keep-external on an undo's conflict leaves no event tied to a cancelled booking",
    check([
      connect(0, 0),
      add('sched', 0, 9),
      sync,
      rename('external'),
      remove('sched'),
      undoLatest,
      { kind: 'resolve', pick: 0, choice: 1 },
    ]),
  );

  it(
    "Sched's Connected Calendars shows the status an undo leaves (a refused sign-in)",
    check([connect(2, 0), add('sched', 0, 9), sync, { kind: 'revoke', service: 'microsoft' }, undoLatest]),
  );

  it(
    'a remap cancels the old booking of an event the person deleted, on the resource that holds it',
    check([
      connect(0, 0),
      connect(1, 0),
      { kind: 'remap', pick: 1, resource: 1 },
      add('external', 0, 9, 1),
      { kind: 'sync', pick: 1, crash: null },
      remove('external'),
      { kind: 'remap', pick: 1, resource: 0 },
      { kind: 'expire-cursor', side: 'sched', where: 0 },
    ]),
  );

  it(
    'undoing the run that made a copy a person had already deleted leaves its booking alone and uncopied',
    check([connect(0, 0), add('sched', 0, 9), sync, remove('external'), undoLatest]),
  );

  it(
    'a calendar remapped to another resource and back keeps one booking per event',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
      { kind: 'remap', pick: 0, resource: 0 },
      sync,
    ]),
  );
});
