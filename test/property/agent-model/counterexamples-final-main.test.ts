/**
 * Stories the agent model found, shrunk and written out, each replayed through the same harness with every check on:
 * the stories test:deep found on the final main of issue 9. Each names what the person sees. They failed until the bug
 * they show was fixed (issue 9); keep them.
 */
import { describe, it } from 'vitest';
import { connect, add, move, rename, remove, sync, undoLatest, settle, check } from './counterexample-steps';

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

  it(
    'busy: undoing the run that moved a block after its event leaves the block with its event',
    check([
      connect(0, 0, { inbound_as: 'busy', sync_frequency: '24h' }),
      add('external', 0, 9),
      sync,
      move('external', 0, 14),
      { kind: 'wait', minutes: 1440 },
      undoLatest,
    ]),
  );

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
