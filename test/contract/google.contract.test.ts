import { syncWindow } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { googleProviderFor } from './google-sandbox';
import { describeProviderContract } from './provider-contract';

const sandbox = useTestSandbox({ seed: 'empty' });

describeProviderContract('google (sandbox)', async () => {
  const box = sandbox();
  return {
    provider: await googleProviderFor(box),
    window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC'),
    expireCursors: async () => {
      await call(`${box.url}/sandbox/sync-tokens/expire`, { method: 'POST', body: { target: 'google' } });
    },
  };
});
