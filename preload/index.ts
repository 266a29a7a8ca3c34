/**
 * The preload script: exposes `window.schedSync` with one named method per operation of the contract, and
 * nothing generic (no raw ipcRenderer reaches the page). Runs sandboxed, so it is bundled as CommonJS.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type AgentApi, type IpcEnvelope, type OperationName } from './contract';

/** Calls one operation in main and unwraps its envelope into a result or an Error carrying `code`. */
async function call<T>(op: OperationName, input?: unknown): Promise<T> {
  const envelope = (await ipcRenderer.invoke(channelOf(op), input ?? {})) as IpcEnvelope<T>;
  if (envelope.ok) return envelope.result;
  throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
}

const api: AgentApi = {
  connect: (input) => call('connect', input),
  list: (input) => call('list', input),
  update: (input) => call('update', input),
  disconnect: (input) => call('disconnect', input),
  syncNow: (input) => call('syncNow', input),
  preview: (input) => call('preview', input),
  review: (input) => call('review', input),
  conflicts: (input) => call('conflicts', input),
  resolveConflict: (input) => call('resolveConflict', input),
  runs: (input) => call('runs', input),
  undo: (input) => call('undo', input),
  accounts: (input) => call('accounts', input),
  signIn: (input) => call('signIn', input),
  removeAccount: (input) => call('removeAccount', input),
  accountCalendars: (input) => call('accountCalendars', input),
  configureSched: (input) => call('configureSched', input),
  schedResources: (input) => call('schedResources', input),
  getSettings: (input) => call('getSettings', input),
  updateSettings: (input) => call('updateSettings', input),
  status: (input) => call('status', input),
};

contextBridge.exposeInMainWorld('schedSync', api);
