/**
 * The code of the keychain worker thread, as a CommonJS script run with `eval` so it needs no file of its own in
 * the build. It owns the keyring module and makes its synchronous calls one at a time; a call that never returns
 * blocks this thread only, never the agent's event loop (keychain-thread.ts).
 */
export const keychainWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Entry } = require(workerData.keyringPath);
const options = { linux: { store: 'secret-service' } };
// On Linux an Entry holds its own D-Bus connection until it is collected, and this thread's small heap is seldom
// collected: an Entry per call left hundreds of connections open in a sync. One Entry per key is kept instead
// (a deleted key's is dropped, so probes leave none; a few dozen at most).
const entries = new Map();
const maxEntries = 32;
function entryFor(request) {
  const name = JSON.stringify([request.service, request.key]);
  let entry = entries.get(name);
  const kept = entry !== undefined;
  if (!kept) {
    entry = new Entry(request.service, request.key, options);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value);
    entries.set(name, entry);
  }
  return { entry, kept, forget: () => entries.delete(name) };
}
function perform(entry, request) {
  if (request.op === 'read') return entry.getPassword() ?? null;
  if (request.op === 'save') return entry.setPassword(request.value), null;
  return entry.deleteCredential();
}
parentPort.on('message', (request) => {
  try {
    const { entry, kept, forget } = entryFor(request);
    let value;
    try {
      value = perform(entry, request);
    } catch (error) {
      // A kept connection may have died with the keyring daemon since: the same call once more on a new one.
      forget();
      if (!kept) throw error;
      value = perform(entryFor(request).entry, request);
    }
    if (request.op === 'delete') forget();
    parentPort.postMessage({ id: request.id, ok: true, value });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, message: error && error.message ? String(error.message) : String(error) });
  }
});
`;
