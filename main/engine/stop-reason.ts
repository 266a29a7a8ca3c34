/**
 * How a failed run ends (shared/SYNC.md, "Being a good API citizen" and "Connection status"): a refused sign-in asks
 * the person to sign in again, anything else stops the run cleanly and the next run resumes from the saved state.
 */
import { AuthError, ProviderError } from '../providers/port';
import type { ConnectionState } from '../store';

/** The statuses a stopped run leaves behind, with a message a person can act on. */
export interface StopReason {
  connectionStatus: Extract<ConnectionState['status'], 'error' | 'reauth_required'>;
  message: string;
}

/** Classifies the error that stopped a run. */
export function stopReason(error: unknown): StopReason {
  if (error instanceof AuthError) return { connectionStatus: 'reauth_required', message: error.message };
  if (error instanceof ProviderError) return { connectionStatus: 'error', message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    connectionStatus: 'error',
    message: `Syncing stopped: ${detail}. The next run resumes where this one stopped.`,
  };
}
