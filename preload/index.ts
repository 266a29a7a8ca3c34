/**
 * The preload script: exposes `window.schedSync` with one named method per operation of the contract's map, and
 * nothing generic (no raw ipcRenderer and no channel name reaches the page). Runs sandboxed, so it is bundled as
 * CommonJS.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, operationNames, type AgentApi, type IpcEnvelope, type OperationName } from './contract';

/** Calls one operation in main and unwraps its envelope into a result or an Error carrying `code`. */
async function call(op: OperationName, input?: unknown): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(channelOf(op), input ?? {})) as IpcEnvelope<unknown>;
  if (envelope.ok) return envelope.result;
  throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
}

const api = Object.fromEntries(
  operationNames.map((op) => [op, (input?: unknown) => call(op, input)]),
) as unknown as AgentApi;

contextBridge.exposeInMainWorld('schedSync', api);
