/**
 * The contract for the Sched side the engine uses (`SchedResourceProvider`: a resource's bookings and availability
 * exceptions behind one provider), in both `inbound_as` modes, each on its own resource so one mode's items never
 * take the other's slots.
 */
import { useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { describeProviderContract } from './provider-contract';
import { expireSchedTokens, schedResourceProviderFor, windowAt } from './sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });

describeProviderContract('sched resource, inbound_as bookings (sandbox)', async () => {
  const box = sandbox();
  return {
    provider: await schedResourceProviderFor(box, {
      resourceId: 'rsc_meeting_room_a',
      inboundAs: 'bookings',
      pageSize: 3,
    }),
    window: windowAt(box),
    expireCursors: () => expireSchedTokens(box),
    // A booking has no location field (shared/API.md §3).
    storesLocation: false,
  };
});

describeProviderContract('sched resource, inbound_as busy (sandbox)', async () => {
  const box = sandbox();
  return {
    // A person's resource, in another zone than the room's, so all-day exceptions are counted in its own.
    provider: await schedResourceProviderFor(box, {
      resourceId: 'rsc_dr_maria_lopez',
      inboundAs: 'busy',
      pageSize: 3,
    }),
    window: windowAt(box),
    expireCursors: () => expireSchedTokens(box),
    // The calendar's events become exceptions: a time and a reason, read back as "Unavailable: <reason>".
    storesLocation: false,
    storesDescription: false,
  };
});
