/**
 * Errors of sign-in and token refresh, written for people. None of them carries the error that caused it:
 * gaxios errors keep the request body (with the refresh token) in `config.data`, so a cause could leak it
 * into a log line.
 */
import { AppError } from '../errors/app-error';
import { providerLabel, type AuthProviderName } from './account-tokens';

/** Why a saved sign-in can no longer be used. */
export type ReauthReason =
  'invalid_grant' | 'interaction_required' | 'missing_sign_in' | 'unauthorized_after_refresh';

/** The saved sign-in was refused or is gone: the connection goes to `reauth_required` until the person signs in. */
export class ReauthRequiredError extends AppError {
  readonly code = 'reauth_required' as const;

  constructor(
    readonly provider: AuthProviderName,
    readonly reason: ReauthReason,
    readonly accountId?: string,
  ) {
    super('unavailable', reauthMessage(provider, reason));
    // Spelled out: the Graph client passes on only this name when our token source fails (with-auth-retry.ts).
    this.name = 'ReauthRequiredError';
  }

  /** The same message naming what stopped syncing, e.g. "… to resume syncing Meeting Room A." */
  messageFor(what: string): string {
    return this.message.replace(/syncing\.$/, `syncing ${what}.`);
  }
}

function reauthMessage(provider: AuthProviderName, reason: ReauthReason): string {
  const name = providerLabel(provider);
  switch (reason) {
    case 'missing_sign_in':
      return `There is no saved ${name} sign-in for this account. Sign in again to resume syncing.`;
    case 'unauthorized_after_refresh':
      return `${name} still refused access after the sign-in was refreshed (HTTP 401). Sign in again to resume syncing.`;
    default:
      return `${name} refused the saved sign-in (${reason}). Sign in again to resume syncing.`;
  }
}

/** A token could not be refreshed for a passing reason (network, server error): the next run tries again. */
export class TokenRefreshError extends AppError {
  readonly code = 'token_refresh_failed' as const;

  constructor(
    readonly provider: AuthProviderName,
    detail: string,
  ) {
    super(
      'conflict',
      `Could not refresh the ${providerLabel(provider)} sign-in (${detail}). Syncing will try again later.`,
    );
    this.name = 'TokenRefreshError';
  }
}

/** The interactive sign-in did not finish: declined, timed out, cancelled or refused by the server. */
export class SignInError extends AppError {
  readonly code = 'sign_in_failed' as const;

  constructor(
    readonly provider: AuthProviderName,
    readonly reason: 'denied' | 'timeout' | 'cancelled' | 'state_mismatch' | 'failed',
    message: string,
  ) {
    super('conflict', message);
  }
}
