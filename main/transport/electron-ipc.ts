/** Binds the IPC transport to Electron's real `ipcMain` (kept apart so ipc.ts stays testable without Electron). */
import { ipcMain } from 'electron';
import type { AgentApi } from '../../preload/contract';
import type { TransportLog } from './api-error';
import { registerIpc, type SenderCheck } from './ipc';

/** Registers every operation on `ipcMain`. */
export function registerElectronIpc(agent: AgentApi, isTrusted: SenderCheck, log: TransportLog): () => void {
  return registerIpc(ipcMain, agent, isTrusted, log);
}
