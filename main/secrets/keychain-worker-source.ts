/**
 * The code of the keychain worker thread, as a CommonJS script run with `eval` so it needs no file of its own in
 * the build. It owns the keyring module and makes its synchronous calls one at a time; a call that never returns
 * blocks this thread only, never the agent's event loop (keychain-thread.ts).
 */
export const keychainWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Entry } = require(workerData.keyringPath);
const options = { linux: { store: 'secret-service' } };
parentPort.on('message', (request) => {
  try {
    const entry = new Entry(request.service, request.key, options);
    let value = null;
    if (request.op === 'read') value = entry.getPassword() ?? null;
    else if (request.op === 'save') entry.setPassword(request.value);
    else if (request.op === 'delete') value = entry.deleteCredential();
    parentPort.postMessage({ id: request.id, ok: true, value });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, message: error && error.message ? String(error.message) : String(error) });
  }
});
`;
