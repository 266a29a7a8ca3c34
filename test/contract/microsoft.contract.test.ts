import { syncWindow } from '../../main/sync';
import { useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { expireGraphCursors, graphProviderFor } from './microsoft-sandbox';
import { describeProviderContract } from './provider-contract';

const sandbox = useTestSandbox({ seed: 'empty' });

describeProviderContract('microsoft (sandbox)', async () => {
  const box = sandbox();
  return {
    provider: await graphProviderFor(box),
    window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC'),
    expireCursors: () => expireGraphCursors(box),
  };
});
