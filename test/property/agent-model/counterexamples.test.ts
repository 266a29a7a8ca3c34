/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on.
 * Each names what the person sees. They fail until the bug they show is fixed (issue 9); keep them when it is.
 */
import { describe, it } from 'vitest';
import { expectStoryHolds } from './harness';
import type { ConnectSettings, SideName, Step } from './steps';

const twoWay: ConnectSettings = {
  direction: 'two-way',
  conflict_resolution: 'prefer-sched',
  sync_frequency: 'manual',
};
const connect = (calendar: number, resource: number, settings: Partial<ConnectSettings> = {}): Step => ({
  kind: 'connect',
  calendar,
  resource,
  settings: { ...twoWay, ...settings },
});
const add = (side: SideName, day: number, hour: number, where = 0): Step => ({
  kind: 'add',
  side,
  where,
  title: 'Standup',
  day,
  hour,
});
const move = (side: SideName, day: number, hour: number, pick = 0): Step => ({
  kind: 'move',
  side,
  pick,
  day,
  hour,
});
const rename = (side: SideName, pick = 0): Step => ({ kind: 'edit', side, pick, title: 'Review' });
const remove = (side: SideName, pick = 0): Step => ({ kind: 'delete', side, pick });
const sync: Step = { kind: 'sync', pick: null, crash: null };
const undoLatest: Step = { kind: 'undo', pick: 0 };
const settle: Step = { kind: 'settle' };
const all = new Set<string>();
const check = (steps: Step[]) => () => expectStoryHolds(steps, all);

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
});

describe('agent model counterexamples: the stories test:deep found on the final main (issue 9)', () => {
  it(
    "busy: after the state DB is lost, the relinked busy block never changes the person's event",
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      add('sched', 0, 9),
    ]),
  );

  it(
    'busy: an event moved while the state DB was lost moves its busy block, never the other way round',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      move('external', 1, 11),
    ]),
  );

  it(
    'busy: an event renamed while the state DB was lost keeps its new title',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      rename('external'),
    ]),
  );

  it(
    'a remap asked for, then the state DB lost before its run, never books the event on both resources',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
    ]),
  );

  it(
    'busy: a remap asked for, then the state DB lost, moves the busy blocks and the copies once',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      add('sched', 1, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
    ]),
  );

  it(
    'a remap asked for, then the state DB lost, keeps a rename made meanwhile on either side',
    check([
      connect(0, 0),
      add('external', 0, 9),
      add('sched', 1, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      rename('external'),
      rename('sched', 1),
    ]),
  );

  it(
    'a calendar connected again to another resource, then the state DB lost, is remapped once',
    check([
      connect(0, 0),
      add('external', 0, 9),
      add('sched', 1, 9),
      sync,
      { kind: 'disconnect', pick: 0 },
      connect(0, 1),
      { kind: 'lose-state' },
    ]),
  );

  it(
    'two remaps asked for, a crashed run, then the state DB lost: one booking per event, on the last resource',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'remap', pick: 0, resource: 2 },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'lose-state' },
    ]),
  );

  it(
    'a preview after a crash predicts the run when a person cancelled the replayed copy meanwhile',
    check([
      connect(0, 0),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      remove('sched'),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a preview after a crash predicts the run when a person cancelled the replayed copy of an Outlook event',
    check([
      connect(1, 0),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      remove('sched'),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'busy: an event deleted while the state DB was lost takes its busy block with it',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      remove('external'),
    ]),
  );

  it(
    'a preview after a crash before a booking was sent predicts that Sched refuses its taken slot',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      add('external', 0, 9),
      add('sched', 0, 14),
      { kind: 'sync', pick: null, crash: { after: 2, when: 'before' } },
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a booking cancelled twice while its event moved is booked again each time, and the event names the live one',
    check([
      connect(2, 0, { conflict_resolution: 'newest' }),
      add('sched', 1, 9),
      sync,
      remove('sched'),
      move('external', 1, 10),
      sync,
      remove('sched'),
      move('external', 1, 11),
      sync,
    ]),
  );

  it(
    'busy: an event deleted after a crashed run moved its block takes the block with it',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      move('external', 0, 10),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      remove('external'),
    ]),
  );

  it(
    'a remap asked for after the state DB was lost moves the booking the last remap made, never books the event twice',
    check([
      connect(0, 0),
      { kind: 'remap', pick: 0, resource: 1 },
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'busy: a block months in the past whose event was deleted while the state DB was lost is let be',
    check([
      connect(0, 0),
      { kind: 'disconnect', pick: 0 },
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'wait', minutes: 132480 },
      remove('external'),
      { kind: 'lose-state' },
    ]),
  );

  it(
    'a remap run months after a person deleted the event cancels its booking, never moves it',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      remove('external'),
      { kind: 'wait', minutes: 132480 },
    ]),
  );

  it(
    "busy: a calendar turned sched-to-external, then the state DB lost, leaves the person's event as it is",
    check([
      connect(0, 0),
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      add('external', 0, 9),
      settle,
      { kind: 'setting', pick: 0, patch: { direction: 'sched-to-external' } },
      { kind: 'lose-state' },
    ]),
  );

  it('busy: undoing the run that moved a block after its event leaves the block with its event', () =>
    expectStoryHolds(
      [
        connect(0, 0, { inbound_as: 'busy', sync_frequency: '24h' }),
        add('external', 0, 9),
        sync,
        move('external', 0, 14),
        { kind: 'wait', minutes: 1440 },
        undoLatest,
      ],
      all,
    ));

  it(
    'three calendars of one resource settle a chain (a move frees a slot, the waiting event is booked and copied)',
    check([
      connect(0, 0),
      connect(2, 0),
      connect(1, 0),
      add('sched', 0, 9),
      add('sched', 6, 11),
      sync,
      move('external', 1, 9, 9),
      rename('external', 2),
      add('external', 6, 11),
    ]),
  );

  it(
    'undoing a crashed run drops what it left unsent: one exception per event after inbound_as became busy',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      undoLatest,
      move('sched', 0, 9),
    ]),
  );

  it(
    'a remap asked for, the state DB lost, and the same resource asked for again still moves the booking once',
    check([
      connect(0, 1),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'lose-state' },
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'wait', minutes: 1 },
    ]),
  );

  it(
    'remapped there and back, an event deleted before the second remap run takes its booking with it',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
      { kind: 'remap', pick: 0, resource: 0 },
      remove('external'),
    ]),
  );

  it(
    'a remap asked for after a crashed run made a booking it did not record moves that booking, never books twice',
    check([
      connect(0, 0),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'wait', minutes: 1 },
    ]),
  );

  it(
    "a crashed run's booking, then the calendar connected to another resource, is moved, never left on the old one",
    check([
      connect(2, 0),
      add('external', 0, 9),
      add('sched', 0, 14),
      { kind: 'sync', pick: null, crash: { after: 1, when: 'after' } },
      { kind: 'disconnect', pick: 0 },
      connect(2, 1),
      add('sched', 0, 9),
    ]),
  );

  it(
    'a conflict of a calendar whose sign-in is refused waits for it: it settles once the calendar runs again',
    check([
      connect(2, 0, { conflict_resolution: 'manual' }),
      add('sched', 0, 9),
      { kind: 'preview', pick: 0 },
      remove('external'),
      rename('sched'),
      sync,
      { kind: 'revoke', service: 'microsoft' },
      remove('sched'),
      add('sched', 0, 9),
      { kind: 'renew', service: 'microsoft', how: 'token' },
    ]),
  );

  it(
    'a calendar reconnected as busy after the state DB was lost converts the booking its event made',
    check([
      connect(1, 0),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'disconnect', pick: 0 },
      { kind: 'lose-state' },
      connect(1, 0, { inbound_as: 'busy' }),
      settle,
      remove('sched'),
    ]),
  );

  it(
    "a remap's moved booking leaves the old resource's other calendar a run later, and then everything is quiet",
    check([
      connect(0, 0),
      add('external', 0, 9),
      connect(1, 0),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      add('sched', 0, 9),
    ]),
  );

  it(
    'undoing a run that crashed before its first write leaves the booking to be copied by the next run',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      undoLatest,
    ]),
  );
});

describe('the stories test:deep found, left open at the last stop (issue 9)', () => {
  it(
    'a preview of a remap back onto a slot a new booking took predicts the run',
    check([
      connect(0, 0),
      add('external', 0, 9),
      move('external', 6, 15),
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      add('sched', 6, 15),
      { kind: 'preview', pick: 0 },
      remove('sched'),
    ]),
  );

  it(
    'a remap asked for, the state DB lost and inbound_as changed before the run, moves or converts the booking once',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      move('sched', 0, 9),
    ]),
  );

  it(
    "a copy moved onto another booking's slot while the state DB was lost ends in step or as a conflict",
    check([
      connect(0, 0, { conflict_resolution: 'prefer-external' }),
      add('sched', 0, 9),
      { kind: 'sync', pick: 0, crash: null },
      add('sched', 6, 14),
      { kind: 'lose-state' },
      move('external', 6, 14),
    ]),
  );
});

describe('the stories test:deep found this session (issue 9)', () => {
  it(
    'an event deleted out of the window before an inbound_as change still cancels its booking',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 1, 9),
      { kind: 'wait', minutes: 44640 },
      sync,
      { kind: 'wait', minutes: 10080 },
      remove('external'),
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      move('sched', 0, 9),
    ]),
  );

  it(
    'a calendar switched from busy to bookings, then its state DB lost, converts its block once',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      settle,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'bookings' } },
      { kind: 'lose-state' },
      sync,
    ]),
  );

  it(
    'a remap asked for, the state DB lost and the event deleted: its booking may stay on the old resource, nothing else',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      remove('external'),
      settle,
    ]),
  );

  it(
    "a disconnected calendar's open conflicts leave the list with it",
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      { kind: 'preview', pick: 0 },
      rename('external'),
      undoLatest,
      remove('external'),
      { kind: 'disconnect', pick: 0 },
    ]),
  );

  it(
    "busy: a preview counts the block of an event at a booking's time, which Sched takes",
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('sched', 0, 11),
      add('external', 0, 11),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a remap asked for, the state DB lost and the event out of the window: its booking may stay on the old resource',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      { kind: 'wait', minutes: 132480 },
      add('sched', 0, 9),
    ]),
  );

  it(
    "a calendar reconnected from busy to sched-to-external never moves the person's event back to its old block",
    check([
      connect(1, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'disconnect', pick: 0 },
      connect(1, 0, { direction: 'sched-to-external', inbound_as: 'bookings' }),
      move('external', 1, 9),
    ]),
  );

  it(
    'a booking remade from its copy event stays on its resource at a remap, and the copy goes',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      { kind: 'preview', pick: 0 },
      rename('external'),
      undoLatest,
      remove('sched'),
      { kind: 'resolve', pick: 0, choice: 1 },
      { kind: 'remap', pick: 0, resource: 1 },
    ]),
  );

  it(
    'a block whose event is deleted while its calendar syncs sched-to-external goes, and stays gone in two-way',
    check([
      connect(1, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      settle,
      { kind: 'disconnect', pick: 0 },
      remove('external'),
      connect(1, 0, { direction: 'sched-to-external', inbound_as: 'bookings' }),
      sync,
      { kind: 'setting', pick: 0, patch: { direction: 'two-way' } },
    ]),
  );

  it(
    'a booking moved out of the window while the state DB was lost is found by its key, not booked again',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      move('sched', 181, 9),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    "a paused calendar's conflict waits for it to resume, then settles",
    check([
      connect(0, 0, { conflict_resolution: 'manual' }),
      add('sched', 0, 9),
      sync,
      move('sched', 1, 9),
      move('external', 0, 10),
      sync,
      remove('sched'),
      { kind: 'pause', pick: null, paused: true },
      remove('external'),
      settle,
      { kind: 'pause', pick: null, paused: false },
    ]),
  );

  it(
    'a calendar remapped before its first run, while its sign-in is refused, still waits for a person',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      { kind: 'disconnect', pick: 0 },
      connect(0, 0, { inbound_as: 'bookings', sync_frequency: '1h' }),
      { kind: 'revoke', service: 'google' },
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
      connect(1, 0, { inbound_as: 'bookings' }),
      { kind: 'wait', minutes: 90 },
    ]),
  );

  it(
    'busy: a remap cut short by a crash, then a remap back, cancels the block the first one made',
    check([
      connect(0, 0, { inbound_as: 'busy', sync_frequency: '15min' }),
      add('sched', 0, 9),
      add('sched', 0, 15),
      add('sched', 0, 11),
      sync,
      add('sched', 1, 9),
      { kind: 'wait', minutes: 10080 },
      add('external', 0, 9),
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'sync', pick: null, crash: { after: 4, when: 'before' } },
      { kind: 'remap', pick: 0, resource: 0 },
    ]),
  );

  it(
    'a crashed run that made a booking, then inbound_as changed to busy: the booking is converted, not kept beside a block',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      sync,
    ]),
  );

  it(
    'a remap refused because the sign-in is refused while a crashed remap waits: Sched shows what the agent shows',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      { kind: 'revoke', service: 'google' },
      { kind: 'remap', pick: 0, resource: 1 },
    ]),
  );
});

describe('the stories left open at the last stop and found since (issue 9)', () => {
  it(
    'a crashed run that made a booking, then the calendar reconnected as busy: the booking is converted, not kept beside a block',
    check([
      connect(2, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'disconnect', pick: 0 },
      connect(2, 0, { inbound_as: 'busy' }),
      settle,
    ]),
  );

  it(
    'a crashed run that made a booking, then the calendar reconnected as busy: a preview predicts the conversion',
    check([
      connect(2, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'disconnect', pick: 0 },
      connect(2, 0, { inbound_as: 'busy' }),
      { kind: 'preview', pick: 0 },
      sync,
    ]),
  );

  it(
    'the state DB lost, then the calendar disconnected and connected to another resource: its booking moves there',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      { kind: 'disconnect', pick: 0 },
      connect(0, 1, { inbound_as: 'bookings' }),
      settle,
    ]),
  );

  it(
    'a remap asked for, the state DB lost, then the calendar connected again to a third resource: its booking moves',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      { kind: 'disconnect', pick: 0 },
      connect(0, 2, { inbound_as: 'bookings' }),
      settle,
    ]),
  );

  it(
    'a preview after a crash before the first write, the event renamed since, predicts the run',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      rename('external'),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a copy out of the window at a remap stays in the calendar, and stays as it is when a person moves it back in',
    check([
      connect(0, 0, { inbound_as: 'bookings', sync_frequency: '15min' }),
      sync,
      add('sched', 0, 9),
      { kind: 'wait', minutes: 20 },
      { kind: 'wait', minutes: 44640 },
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
      move('external', 1, 9),
      settle,
    ]),
  );

  it(
    'busy: an undo of the run that made a block the agent moved since asks what to keep, a conflict about a live block',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      move('external', 0, 11),
      sync,
      { kind: 'undo', pick: 1 },
      settle,
    ]),
  );

  it(
    'the state DB lost, then a booking two calendars mirror moved in Sched: both follow it, the move is kept',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      connect(1, 1, { inbound_as: 'bookings', conflict_resolution: 'prefer-external', sync_frequency: '1h' }),
      connect(2, 1, { inbound_as: 'bookings', sync_frequency: '15min' }),
      add('external', 0, 9, 5),
      settle,
      { kind: 'lose-state' },
      move('sched', 1, 9),
      { kind: 'wait', minutes: 90 },
    ]),
  );

  it(
    'a remap before the first run, then the state DB lost and the booking moved out of the window: found by its key',
    check([
      connect(0, 1, { inbound_as: 'bookings' }),
      { kind: 'remap', pick: 0, resource: 0 },
      add('external', 0, 9),
      sync,
      { kind: 'lose-state' },
      move('sched', 181, 9),
      settle,
    ]),
  );

  it(
    'a remap before the first run, then the state DB lost and the copy moved out of the window: no second copy',
    check([
      connect(0, 1, { inbound_as: 'bookings' }),
      { kind: 'remap', pick: 0, resource: 0 },
      add('sched', 62, 9),
      { kind: 'wait', minutes: 132480 },
      sync,
      { kind: 'lose-state' },
      move('external', 0, 9),
      settle,
    ]),
  );

  it(
    'a copy a remap run made, moved out of the window while the state DB was lost, is found by its key',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      add('sched', 3, 9, 0),
      sync,
      { kind: 'lose-state' },
      move('external', 200, 9),
      settle,
    ]),
  );

  it(
    'a booking a remap run made of a new event, moved out of the window while the state DB was lost, is found by its key',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      add('external', 3, 9),
      sync,
      { kind: 'lose-state' },
      move('sched', 200, 9),
      settle,
    ]),
  );

  it(
    'a calendar disconnected, the state DB lost, then connected to another resource: its booking moves there',
    check([
      connect(1, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'disconnect', pick: 0 },
      { kind: 'lose-state' },
      connect(1, 1, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'external-to-sched: a remap whose move also puts an edited booking back at its event, onto a taken slot, cancels it on the old resource',
    check([
      connect(0, 0, { direction: 'external-to-sched', inbound_as: 'bookings' }),
      add('external', 2, 11),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      add('sched', 0, 9),
      move('sched', 2, 11, 3),
      move('sched', 0, 9, 0),
      sync,
      settle,
    ]),
  );

  it(
    'undoing the run that made a copy a later run made again keeps the new copy linked, so it goes with its booking',
    check([
      connect(0, 0, { direction: 'sched-to-external', sync_frequency: '1h' }),
      add('sched', 0, 9),
      settle,
      { kind: 'wait', minutes: 360 },
      remove('external'),
      { kind: 'preview', pick: 0 },
      { kind: 'preview', pick: 0 },
      { kind: 'undo', pick: 4 },
      remove('sched'),
      settle,
    ]),
  );

  it(
    'a crashed run replayed after its event was deleted and its day left the window cancels the booking it makes',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      remove('external'),
      { kind: 'wait', minutes: 44640 },
      sync,
      settle,
    ]),
  );

  it(
    'a booking a remap made after a lost state DB, moved out of the window while the state DB was lost again, is found, not booked twice',
    check([
      connect(0, 1, { sync_frequency: '24h', inbound_as: 'bookings' }),
      { kind: 'lose-state' },
      { kind: 'wait', minutes: 132480 },
      add('external', 273, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'wait', minutes: 132480 },
      move('sched', 0, 9),
      { kind: 'lose-state' },
      settle,
    ]),
  );

  it(
    'a booking moved out of the window while the state DB was lost, after a switch to busy, becomes the busy block alone',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'wait', minutes: 132480 },
      { kind: 'lose-state' },
      move('external', 62, 9),
      move('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'a preview after a switch to busy whose run crashed between cancelling the booking and blocking the time predicts the run',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      { kind: 'preview', pick: 0 },
      settle,
    ]),
  );

  it(
    'busy time remapped twice: each new resource blocks the time once, and the run never stalls on a spent key',
    check([
      connect(0, 2, { inbound_as: 'busy' }),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
    ]),
  );

  it(
    'undoing a run that crashed after booking an event, then deleting the event, leaves no booking behind',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      add('sched', 0, 9),
      move('sched', 0, 15),
      { kind: 'sync', pick: null, crash: { after: 1, when: 'after' } },
      undoLatest,
      remove('external'),
      add('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'busy time: undoing a run that crashed right after blocking the time takes the block back, as for a run that finished',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      undoLatest,
      settle,
    ]),
  );

  it(
    'a remap asked after a crashed remap run finishes that run on the old resource first, a person’s move of a copy included',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      add('sched', 0, 9),
      add('sched', 1, 9),
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      move('external', 0, 10),
      { kind: 'remap', pick: 0, resource: 0 },
      settle,
    ]),
  );

  it(
    'a remap not yet run, the state DB lost, then a remap to a third resource: the booking moves from where it is',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      { kind: 'remap', pick: 0, resource: 2 },
      settle,
    ]),
  );

  it(
    'external-to-sched: a preview after a crash before booking a cancelled booking again predicts the one booking the run makes',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      { kind: 'setting', pick: 0, patch: { direction: 'external-to-sched' } },
      add('external', 0, 9),
      sync,
      remove('sched'),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      { kind: 'preview', pick: 0 },
      settle,
    ]),
  );

  it(
    'a remap away and back while a copy was out of the window: the copy found again is the one, not a second',
    check([
      connect(0, 1, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      settle,
      { kind: 'wait', minutes: 44640 },
      { kind: 'remap', pick: 0, resource: 0 },
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      move('sched', 1, 9),
      sync,
      settle,
    ]),
  );
  it(
    'a preview after a crashed switch from busy back to bookings, its event out of the window, predicts the run',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      { kind: 'disconnect', pick: 0 },
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      { kind: 'setting', pick: 0, patch: { privacy: 'busy-only' } },
      sync,
      { kind: 'wait', minutes: 44640 },
      move('external', 0, 11),
      { kind: 'setting', pick: 0, patch: { inbound_as: 'bookings' } },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'preview', pick: 0 },
      { kind: 'edit', side: 'sched', pick: 0, title: 'Standup' },
      settle,
    ]),
  );

  it(
    'a crashed run’s copy, replayed while the sign-in is refused, is still linked after signing in, and goes with its booking',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'revoke', service: 'google' },
      remove('sched'),
      settle,
      { kind: 'renew', service: 'google', how: 'sign-in' },
      { kind: 'pause', pick: 0, paused: false },
      settle,
    ]),
  );

  it(
    'sched-to-external: a remap whose refused move cancels a booking leaves no copy of it in the calendar',
    check([
      connect(0, 1, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      settle,
      remove('external'),
      { kind: 'setting', pick: 0, patch: { direction: 'sched-to-external' } },
      { kind: 'remap', pick: 0, resource: 0 },
      add('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'a booking moved out of the window, the state DB lost, then a remap: the booking moves, the event is not booked twice',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      move('sched', 181, 9),
      { kind: 'lose-state' },
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
    ]),
  );

  it(
    'a double booking whose booking in the way is cancelled with its copy deleted is booked in that same run',
    check([
      connect(0, 0),
      add('sched', 1, 15),
      add('external', 1, 15),
      { kind: 'preview', pick: 0 },
      remove('external', 9),
      add('sched', 0, 9),
      remove('sched', 3),
      settle,
    ]),
  );

  it(
    'a remap asked while paused, after a crashed remap run, does not run the paused connection',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      { kind: 'pause', pick: null, paused: true },
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'pause', pick: null, paused: false },
      { kind: 'remap', pick: 0, resource: 0 },
      settle,
    ]),
  );

  it(
    'a remap run stopped for review, then applied: Sched shows the connection active again',
    check([
      connect(0, 1, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      add('sched', 0, 14),
      add('sched', 0, 10),
      add('sched', 1, 9),
      add('sched', 2, 9),
      settle,
      { kind: 'remap', pick: 0, resource: 0 },
      sync,
      { kind: 'review', pick: 0, decision: 'apply' },
    ]),
  );

  it(
    'a lost state DB, then a calendar copy moved out of the window: the preview predicts the run',
    check([
      connect(0, 0, { direction: 'sched-to-external', inbound_as: 'bookings' }),
      { kind: 'wait', minutes: 132480 },
      add('sched', 62, 9),
      { kind: 'sync', pick: 0, crash: null },
      { kind: 'lose-state' },
      move('external', 0, 9),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a preview after a crash before a refused create, the event moved since, predicts the run',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 1, 9),
      add('external', 1, 9),
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      move('external', 0, 9),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a sync all that fails for one calendar answers only once every other calendar’s run has ended',
    check([
      connect(0, 1, { inbound_as: 'bookings' }),
      connect(2, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9, 3),
      { kind: 'revoke', service: 'google' },
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'lose-state' },
      add('sched', 1, 9),
      settle,
      remove('sched', 0),
      { kind: 'preview', pick: 7 },
    ]),
  );

  it(
    'a preview after a crash before a create, its event moved past the window since, predicts the run',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      move('external', 181, 9),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a held double booking is booked in the run that moves the booking in its way off the slot',
    check([
      connect(0, 0),
      add('sched', 5, 14),
      sync,
      add('external', 5, 14),
      sync,
      move('external', 0, 9),
      settle,
    ]),
  );

  it(
    'sched-to-external after a reconnect: a remap leaves on its resource the booking whose deleted event it copied',
    check([
      connect(1, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      remove('external'),
      { kind: 'disconnect', pick: 0 },
      connect(1, 0, { direction: 'sched-to-external', inbound_as: 'bookings' }),
      settle,
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
      settle,
    ]),
  );

  it(
    'a remap after a lost state DB moves the booking of an event moved since, at the event’s new time',
    check([
      connect(0, 0, { conflict_resolution: 'manual', sync_frequency: '15min' }),
      settle,
      add('sched', 0, 9),
      add('external', 0, 14),
      { kind: 'wait', minutes: 7 * 24 * 60 },
      move('external', 0, 9),
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'lose-state' },
      remove('external', 9),
      settle,
    ]),
  );

  it(
    'a booking whose copy an undo removed stays uncopied after a save that changes nothing',
    check([connect(0, 0), add('sched', 4, 9), sync, undoLatest, move('sched', 4, 9), settle]),
  );

  it(
    'a remap there and back, then the copy moved out of the window: the booking stays',
    check([
      connect(0, 1),
      add('sched', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'remap', pick: 0, resource: 1 },
      move('external', 181, 9),
      move('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'a conflict of a calendar another device took over leaves this device’s list',
    check([
      connect(0, 0),
      add('sched', 1, 9),
      sync,
      move('external', 0, 9),
      settle,
      { kind: 'device', pick: 0, takes: 'other' },
      sync,
      remove('sched'),
      settle,
      { kind: 'undo', pick: 4 },
      { kind: 'wait', minutes: 90 },
      sync,
      settle,
    ]),
  );

  it(
    'an undo a refused sign-in stopped leaves the person’s event, after a sign-in and an expired cursor',
    check([
      connect(2, 0),
      add('external', 0, 9),
      sync,
      { kind: 'revoke', service: 'microsoft' },
      undoLatest,
      { kind: 'renew', service: 'microsoft', how: 'sign-in' },
      { kind: 'expire-cursor', side: 'sched', where: 0 },
      settle,
    ]),
  );

  it(
    'external-to-sched: a booking cancelled in Sched and its slot booked again, the event is held as a double booking',
    check([
      connect(0, 0, { direction: 'external-to-sched' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      remove('sched'),
      add('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'busy time: renaming the copy of a booking an event’s block overlaps is refused by Sched, as the preview says',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      add('sched', 6, 14),
      move('external', 6, 14),
      sync,
      { kind: 'edit', side: 'external', pick: 3, title: 'Standup' },
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a remap there and back, then the event deleted and its day past the window: its booking is cancelled',
    check([
      connect(0, 2),
      add('external', 0, 9),
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'remap', pick: 0, resource: 2 },
      remove('external'),
      { kind: 'wait', minutes: 132480 },
      add('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'a remap back crashed before the new copy, then its booking cancelled past the window: the preview says the run',
    check([
      connect(0, 0),
      { kind: 'remap', pick: 0, resource: 1 },
      add('sched', 0, 9, 0),
      add('sched', 0, 9, 15),
      settle,
      { kind: 'remap', pick: 0, resource: 0 },
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      { kind: 'wait', minutes: 132480 },
      remove('sched'),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a remap back crashed after moving a booking edited in Sched, before its event: the next run still moves the event',
    check([
      connect(0, 0),
      add('external', 0, 9),
      { kind: 'remap', pick: 0, resource: 1 },
      sync,
      { kind: 'remap', pick: 0, resource: 0 },
      move('sched', 1, 9),
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      settle,
    ]),
  );

  it(
    'busy time: the copy of a block deleted in another calendar of the resource never deletes the event it blocks for',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      connect(1, 0, { inbound_as: 'busy' }),
      add('external', 0, 9, 3),
      add('sched', 0, 9),
      settle,
      remove('external', 1),
      settle,
    ]),
  );

  it(
    'disconnected, state DB lost, connected to another resource and remapped there and back: the booking moves once',
    check([
      connect(0, 1),
      add('external', 0, 9),
      sync,
      { kind: 'disconnect', pick: 0 },
      { kind: 'lose-state' },
      connect(0, 0),
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'remap', pick: 0, resource: 0 },
      settle,
    ]),
  );

  it(
    'state DB lost while a copied booking was past the window, then the booking moved back in: the preview says update',
    check([
      connect(0, 0),
      { kind: 'wait', minutes: 44640 },
      add('sched', 1, 9),
      sync,
      add('sched', 8, 9),
      { kind: 'wait', minutes: 10080 },
      { kind: 'lose-state' },
      settle,
      move('sched', 8, 10),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'a remap run crashed before booking an event on the new resource, resumed once its day left the window: no extra move',
    check([
      connect(0, 0),
      add('sched', 0, 9),
      sync,
      add('external', 0, 9),
      { kind: 'remap', pick: 0, resource: 1 },
      { kind: 'sync', pick: null, crash: { after: 1, when: 'before' } },
      { kind: 'wait', minutes: 44640 },
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'prefer-external: an undone recreate of a booking cancelled again, then its event moved: the event is not left naming it',
    check([
      connect(0, 0, { conflict_resolution: 'prefer-external' }),
      add('sched', 0, 9),
      sync,
      { kind: 'edit', side: 'external', pick: 0, title: 'Standup' },
      remove('sched'),
      sync,
      remove('sched'),
      undoLatest,
      move('external', 1, 9),
      sync,
      settle,
    ]),
  );

  it(
    'two calendars on one resource, one switched to external-to-sched: its stale copy of the other’s booking moves nothing',
    check([
      connect(1, 2),
      add('external', 0, 9),
      connect(0, 2),
      settle,
      move('sched', 0, 11),
      { kind: 'setting', pick: 3, patch: { direction: 'external-to-sched' } },
      sync,
    ]),
  );

  it(
    'an undo’s edit conflict over a booking moved since its import leaves once the booking is cancelled',
    check([
      connect(0, 0),
      add('external', 0, 9),
      sync,
      remove('external'),
      move('sched', 0, 14),
      { kind: 'preview', pick: 0 },
      { kind: 'undo', pick: 1 },
      remove('sched'),
      { kind: 'wait', minutes: 1 },
      settle,
    ]),
  );

  it(
    'Outlook: a crash before booking a new event, the event deleted, then a preview: it says the booking made and cancelled',
    check([
      connect(2, 0),
      sync,
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      remove('external'),
      { kind: 'preview', pick: 0 },
    ]),
  );

  it(
    'disconnected, its event moved past the window, state DB lost, connected to another resource: the booking moves',
    check([
      connect(1, 0),
      add('external', 0, 9),
      settle,
      { kind: 'disconnect', pick: 0 },
      move('external', 181, 9),
      { kind: 'lose-state' },
      connect(1, 1),
      { kind: 'preview', pick: 0 },
      move('external', 0, 9),
      add('sched', 0, 9),
      settle,
    ]),
  );

  it(
    'a remap there and back, the booking cancelled in between: its event is booked again, and the runs end clean',
    check([
      connect(0, 1),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'remap', pick: 0, resource: 0 },
      remove('sched'),
      { kind: 'remap', pick: 0, resource: 1 },
      settle,
    ]),
  );

  it(
    'busy time: a remap run crashed before blocking a new event, the event deleted, its day past: no block is left',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      sync,
      { kind: 'remap', pick: 0, resource: 1 },
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      remove('external'),
      { kind: 'wait', minutes: 132480 },
      settle,
    ]),
  );
});
