import { SchedExceptionsProvider } from '../../main/providers/sched';
import { useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { describeProviderContract } from './provider-contract';
import { expireSchedTokens, schedHttpFor, seededResource, windowAt } from './sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });

describeProviderContract('sched availability exceptions (sandbox)', async () => {
  const box = sandbox();
  const http = schedHttpFor(box);
  return {
    provider: new SchedExceptionsProvider({ http, resource: await seededResource(http), pageSize: 3 }),
    window: windowAt(box),
    expireCursors: () => expireSchedTokens(box),
    // An exception holds a time and a reason (its title) only (shared/API.md §3).
    storesLocation: false,
    storesDescription: false,
  };
});
