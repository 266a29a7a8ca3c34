/**
 * Electron IPC transport: one `ipcMain.handle` per contract operation. Every message is checked for its sender
 * frame (only our own renderer may call) and validated with the contract's schema before the agent sees it.
 * Modelled on GitHub Desktop's trusted-ipc-sender: a compromised or navigated frame gets nothing.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  channelOf,
  operationNames,
  validateInput,
  type AgentApi,
  type IpcEnvelope,
  type OperationName,
} from '../../preload/contract';
import { toApiError, type TransportLog } from './api-error';

/** The part of `ipcMain` this module uses, so tests can pass a small fake. */
export type IpcHandleRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Decides whether a frame URL is our renderer (the packaged file or the dev server). */
export type SenderCheck = (frameUrl: string | undefined) => boolean;

/** Builds a sender check that accepts only the given app URL prefixes (e.g. the renderer's file:// URL). */
export function trustedSenders(allowedPrefixes: readonly string[]): SenderCheck {
  return (frameUrl) =>
    frameUrl !== undefined && allowedPrefixes.some((prefix) => frameUrl.startsWith(prefix));
}

/** Registers every operation; returns a function that removes the handlers again. */
export function registerIpc(
  ipc: IpcHandleRegistry,
  agent: AgentApi,
  isTrusted: SenderCheck,
  log: TransportLog = () => undefined,
): () => void {
  for (const op of operationNames) {
    ipc.handle(channelOf(op), (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(op, event.senderFrame?.url, payload, agent, isTrusted, log),
    );
  }
  return () => operationNames.forEach((op) => ipc.removeHandler(channelOf(op)));
}

/** Runs one call: sender check, validation, then the agent. Never throws; errors travel in the envelope. */
export async function dispatch(
  op: OperationName,
  frameUrl: string | undefined,
  payload: unknown,
  agent: AgentApi,
  isTrusted: SenderCheck,
  log: TransportLog = () => undefined,
): Promise<IpcEnvelope<unknown>> {
  if (!isTrusted(frameUrl)) {
    return {
      ok: false,
      error: {
        code: 'unauthorized',
        message: `Refused ${op}: the request did not come from the Sched Sync window.`,
      },
    };
  }
  const input = validateInput(op, payload);
  if (!input.ok) return { ok: false, error: input.error };
  try {
    const call = agent[op] as (value: unknown) => Promise<unknown>;
    return { ok: true, result: await call.call(agent, input.value) };
  } catch (error) {
    return { ok: false, error: toApiError(error, op, log) };
  }
}
