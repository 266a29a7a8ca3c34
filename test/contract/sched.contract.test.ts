import { useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { describeProviderContract } from './provider-contract';
import { expireSchedTokens, schedProviderFor, windowAt } from './sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });

describeProviderContract('sched (sandbox)', async () => {
  const box = sandbox();
  const subject = {
    provider: await schedProviderFor(box, { pageSize: 3 }),
    window: windowAt(box),
    expireCursors: () => expireSchedTokens(box),
    // Sched has no location field (shared/API.md §3): bookings always read back with an empty one.
    storesLocation: false,
  };
  return subject;
});
