/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on:
 * lost state, previews, pauses, a second device, replays and remaps with busy blocks. Each names what the person sees.
 * They failed until the bug they show was fixed (issue 9); keep them.
 */
import { describe, it } from 'vitest';
import { connect, add, move, remove, sync, undoLatest, settle, check } from './counterexample-steps';

describe('agent model counterexamples: lost state, preview, pause and a second device', () => {
  it(
    'a paused connection runs no more until it is resumed, then syncs what it missed',
    check([
      connect(0, 0, { sync_frequency: '15min' }),
      add('sched', 0, 9),
      sync,
      { kind: 'pause', pick: 0, paused: true },
      add('sched', 1, 9),
      { kind: 'wait', minutes: 90 },
      settle,
      { kind: 'pause', pick: null, paused: false },
    ]),
  );

  it(
    'a calendar another device took over is not synced here once this device could have noticed',
    check([
      connect(0, 0, { sync_frequency: '15min' }),
      add('sched', 0, 9),
      sync,
      { kind: 'device', pick: 0, takes: 'other' },
      add('sched', 1, 9),
      { kind: 'wait', minutes: 20 },
      { kind: 'wait', minutes: 20 },
    ]),
  );

  it(
    'taking a calendar back with takeover syncs it here again',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      sync,
      { kind: 'device', pick: 0, takes: 'other' },
      { kind: 'device', pick: 0, takes: 'back' },
      add('sched', 1, 9),
    ]),
  );

  it(
    'disconnecting a calendar another device took over leaves it to that device in Sched',
    check([
      connect(0, 0),
      sync,
      { kind: 'device', pick: 0, takes: 'other' },
      { kind: 'disconnect', pick: 0 },
    ]),
  );

  it(
    'a calendar another device took over is not run by "sync all" with another calendar that checks Sched first',
    check([
      connect(1, 0),
      connect(0, 0),
      sync,
      { kind: 'device', pick: 1, takes: 'other' },
      { kind: 'wait', minutes: 24 * 60 },
      add('sched', 0, 9),
    ]),
  );

  it(
    'prefer-external: a moved copy whose booking was deleted in Sched leaves no event tied to the cancelled booking',
    check([
      connect(0, 0, { conflict_resolution: 'prefer-external' }),
      add('sched', 0, 9),
      sync,
      move('external', 0, 15),
      remove('sched'),
      sync,
    ]),
  );

  it(
    'an event moved out of the window after a crash keeps its booking (the full read asks for it by id)',
    check([
      connect(0, 0),
      { kind: 'wait', minutes: 31 * 24 * 60 },
      add('sched', 1, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      move('external', 0, 9),
      move('sched', 1, 9),
    ]),
  );

  it(
    "Sched's Connected Calendars shows a crashed run's error after the calendar was disconnected and connected again",
    check([
      connect(0, 0),
      add('sched', 1, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'disconnect', pick: 0 },
      connect(0, 0),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
    ]),
  );

  it(
    'an undo on a calendar another device took over is refused, naming the device',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      sync,
      { kind: 'device', pick: 0, takes: 'other' },
      { kind: 'wait', minutes: 90 },
      undoLatest,
    ]),
  );

  it(
    "a crashed run's busy block, made again on the next start, leaves the person's event as it is",
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 2, 11),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
    ]),
  );

  it(
    "a two-way busy connection blocks the event's time and leaves the person's event as it is",
    check([connect(0, 0, { inbound_as: 'busy' }), add('external', 3, 9)]),
  );

  it(
    'a preview after a crash before a busy block was written predicts the block the next run makes',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 2, 11),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'after a crash before the first write, an event moved beyond the window keeps its booking when the feed expires',
    check([
      connect(0, 0),
      add('sched', 1, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      sync,
      move('external', 394, 9),
      { kind: 'expire-cursor', side: 'external', where: 0 },
    ]),
  );

  it(
    'a preview after a settings change that reads in full knows an event beyond the window was deleted',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      settle,
      { kind: 'wait', minutes: 31 * 24 * 60 },
      move('sched', 1, 9),
      remove('external'),
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'preview', pick: 0 },
    ]),
  );
});

describe('agent model counterexamples: crashes, replays and previews', () => {
  it(
    'a preview predicts that Sched refuses an event on a slot a booking holds (an overlap conflict, not a create)',
    check([connect(0, 0), add('sched', 0, 9), add('external', 0, 9), { kind: 'preview', pick: 0 }]),
  );

  it(
    'after the state DB is lost, a resync cut short by a crash never deletes the event whose booking a person cancelled',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      remove('sched'),
      { kind: 'lose-state' },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      { kind: 'preview', pick: 0 },
    ]),
  );
});

describe('agent model counterexamples: remaps with busy blocks, reconnects and lost state', () => {
  it(
    'an event remapped away before its first run and back keeps one booking, on the resource it mirrors',
    check([
      connect(0, 0),
      add('external', 0, 9),
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      sync,
    ]),
  );

  it(
    "busy: an event's new exception is not taken for an older copy, so the event keeps its title",
    check([connect(0, 0, { inbound_as: 'busy' }), add('external', 0, 9), sync]),
  );

  it(
    'busy: a remap cancels the exceptions made from the calendar on the old resource and blocks the new one',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
    ]),
  );

  it(
    'an undo is refused for a calendar another device took over once this device could have noticed',
    check([
      connect(0, 0),
      sync,
      { kind: 'device', pick: 0, takes: 'other' },
      { kind: 'wait', minutes: 31 * 24 * 60 },
      undoLatest,
    ]),
  );

  it(
    'a booking a person renamed before inbound_as became busy is still converted: one exception, no booking left',
    check([
      connect(0, 0),
      add('external', 0, 9),
      settle,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'edit', side: 'sched', pick: 0, title: 'Standup' },
      settle,
    ]),
  );

  it(
    'a booking a person renamed, converted to busy and remapped in one run, leaves nothing on the old resource',
    check([
      connect(0, 0),
      add('external', 0, 9),
      settle,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'edit', side: 'sched', pick: 0, title: 'Standup' },
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
    ]),
  );

  it(
    'an exception converted back to a booking while remapped is cancelled on the old resource',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      settle,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'bookings' } },
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
    ]),
  );

  it(
    'after the state DB is lost, the resource a calendar mirrors is remembered again: a later remap removes its exceptions',
    check([
      connect(2, 1, { inbound_as: 'busy' }),
      { kind: 'lose-state' },
      add('external', 0, 9),
      sync,
      { kind: 'disconnect', pick: 0 },
      connect(2, 0),
      settle,
    ]),
  );

  it(
    'a remap resumed after a crash before its first write settles: quiet runs write nothing',
    check([
      connect(0, 2),
      add('external', 0, 9),
      sync,
      { kind: 'disconnect', pick: 0 },
      connect(0, 0, { direction: 'sched-to-external' }),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      sync,
    ]),
  );

  it(
    "busy: an exception's create replayed after a crash is linked as it reads, so the event keeps its title",
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
    ]),
  );

  it(
    'an event deleted beyond the window while the cursors had lapsed takes its booking with it (seed 313387248)',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      settle,
      { kind: 'wait', minutes: 132480 }, // 92 days: the event's day is now past the window's 30 days back
      { kind: 'expire-cursor', side: 'external', where: 0 },
      remove('external', 0),
      { kind: 'preview', pick: 0 },
    ]),
  );
});
