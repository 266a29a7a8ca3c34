/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on:
 * the stories test:deep found in the sessions after the final main of issue 9. Each names what the person sees. They
 * failed until the bug they show was fixed (issue 9); keep them.
 */
import { describe, it } from 'vitest';
import { connect, add, move, rename, remove, sync, undoLatest, settle, check } from './counterexample-steps';

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

  it(
    'after a switch to busy-only, a copy the person moved moves its booking and reads "Busy" in the same run (seed -1240684978)',
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('sched', 0, 9),
      settle,
      { kind: 'setting', pick: 0, patch: { privacy: 'busy-only' } },
      move('external', 0, 11),
    ]),
  );

  it(
    "inbound_as switched, the conversion crashed after cancelling the booking, the event's day then past: the person's event stays (seed 860400943)",
    check([
      connect(0, 0, { inbound_as: 'bookings' }),
      add('external', 0, 9),
      sync,
      { kind: 'setting', pick: 0, patch: { inbound_as: 'busy' } },
      { kind: 'sync', pick: null, crash: { after: 0, when: 'after' } },
      { kind: 'wait', minutes: 132480 }, // 92 days: the event's day is now past the window's 30 days back
      add('sched', 0, 9),
    ]),
  );
});
