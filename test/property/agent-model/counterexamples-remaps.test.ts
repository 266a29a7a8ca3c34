/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on:
 * remaps, the stories found at the latest stops. Each names what the person sees. They failed until the bug they show
 * was fixed (issue 9); keep them.
 */
import { describe, it } from 'vitest';
import { connect, add, move, remove, sync, settle, check } from './counterexample-steps';

describe('remaps: the stories left open at the last stop and found since (issue 9)', () => {
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
