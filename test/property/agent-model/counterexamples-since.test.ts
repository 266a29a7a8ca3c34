/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on:
 * crashes, previews, lost state and busy time, the stories found at the latest stops. Each names what the person sees.
 * They failed until the bug they show was fixed (issue 9); keep them.
 */
import { describe, it } from 'vitest';
import { connect, add, move, rename, remove, sync, undoLatest, settle, check } from './counterexample-steps';

describe('crashes, previews, lost state and busy time: the stories left open at the last stop and found since (issue 9)', () => {
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
    'a booking whose copy an undo removed stays uncopied after a save that changes nothing',
    check([connect(0, 0), add('sched', 4, 9), sync, undoLatest, move('sched', 4, 9), settle]),
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
});

describe('previews after a crash: the stories test:deep found in the third session of issue 11', () => {
  it(
    'an undone import, its event saved unchanged, then a crash before the booking: the preview predicts the run',
    check([
      connect(0, 0, { sync_frequency: '15min', inbound_as: 'bookings' }),
      sync,
      add('external', 0, 9),
      { kind: 'wait', minutes: 360 },
      { kind: 'undo', pick: 0 },
      { kind: 'edit', side: 'external', pick: 0, title: 'Standup' },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'before' } },
      { kind: 'preview', pick: 0 },
      { kind: 'setting', pick: 0, patch: { window_days_future: 14 } },
    ]),
  );

  it(
    'busy time: a crash after a double booking was held, then busy-only privacy: the preview predicts the run',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('sched', 0, 9),
      add('external', 0, 9),
      { kind: 'sync', pick: null, crash: { after: 1, when: 'after' } },
      { kind: 'setting', pick: 0, patch: { privacy: 'busy-only' } },
      { kind: 'preview', pick: 0 },
      { kind: 'resolve', pick: 0, choice: 0 },
    ]),
  );

  it(
    'busy time: an undo’s conflict over a block answered "keep Sched" never writes the block onto the person’s event',
    check([
      connect(0, 0, { inbound_as: 'busy' }),
      add('external', 0, 9),
      { kind: 'preview', pick: 0 },
      { kind: 'edit', side: 'external', pick: 0, title: 'Standup' },
      { kind: 'preview', pick: 0 },
      { kind: 'undo', pick: 7 },
      { kind: 'resolve', pick: 0, choice: 0 },
      sync,
    ]),
  );
});
