/**
 * A refused Google or Microsoft sign-in met outside a run (preview, an account's calendar list): the person reads
 * a 409 that names the account and the service and says to sign in again, instead of a 5xx.
 */
import type { CalendarService } from '../../preload/contract';
import { ReauthRequiredError } from '../auth/auth-errors';
import { isReauthError } from '../auth/classify-auth-error';
import { AuthError } from '../providers/port';
import { SchedApiKeyError } from '../providers/sched';
import type { SettingsStore } from '../store/settings-store';
import type { StoredConnection } from '../store/settings-schema';
import { AgentError } from './agent-error';

const serviceLabel: Record<CalendarService, string> = {
  google: 'Google',
  microsoft: 'Microsoft',
};

/** True when `error` means the account's saved sign-in is refused (not Sched's API key: that is Settings). */
export function isSignInRefused(error: unknown): boolean {
  if (error instanceof SchedApiKeyError) return false;
  if (error instanceof ReauthRequiredError || error instanceof AuthError) return true;
  // The Graph client passes on only the name of our token source's error.
  if (error instanceof Error && error.name === 'ReauthRequiredError') return true;
  return isReauthError(error);
}

/** The 409 a person reads while `email`'s sign-in to `service` is refused; nothing was written. */
export function signInAgainError(email: string, service: CalendarService, what: string): AgentError {
  const name = serviceLabel[service];
  return new AgentError(
    'conflict',
    `${name} refused the saved sign-in of ${email}, so ${what} cannot be read. Sign in again with ${name} as ${email} (Accounts → Sign in) to resume; nothing was changed.`,
  );
}

/** The 409 of a preview of `stored` while its account's sign-in is refused, naming the account by its email. */
export function previewSignInError(
  settings: Pick<SettingsStore, 'getAccount'>,
  stored: StoredConnection,
): AgentError {
  const email = stored.account_id
    ? (settings.getAccount(stored.account_id)?.email ?? stored.account_id)
    : stored.calendar_id;
  return signInAgainError(email, stored.calendar_service, `${stored.calendar_id} (preview)`);
}
