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
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
  return {
    connectionStatus: 'error',
    message: `Syncing stopped: ${detail}. The next run resumes where this one stopped.`,
  };
}

/** How a run ended, before its summary is written. */
export interface Outcome {
  runStatus: 'ok' | 'error' | 'needs_review';
  connectionStatus: 'active' | 'error' | 'reauth_required' | 'needs_review';
  message: string | null;
  errors: number;
}

/** A run that did its work; `message` notes anything left for the next run. */
export function okOutcome(message: string | null = null): Outcome {
  return { runStatus: 'ok', connectionStatus: 'active', message, errors: 0 };
}

/** Runs `work` and turns whatever stops it into a failed outcome, so the run is always closed with a summary. */
export async function outcomeOf(work: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await work();
  } catch (error) {
    const reason = stopReason(error);
    return {
      runStatus: 'error',
      connectionStatus: reason.connectionStatus,
      message: reason.message,
      errors: 1,
    };
  }
}
