import { AppError } from '../errors/app-error';

/** The message a person sees when there is no keychain; it says what to do and that nothing falls back to a file. */
export const noKeychainMessage =
  'No system keychain is available (Secret Service on Linux). Sched Sync will not store sign-ins in plain text. ' +
  'Install and unlock GNOME Keyring or KWallet, then try again.';

/** No OS keychain answered (no Secret Service, no D-Bus session, a locked keyring, or no answer in time). */
export class KeychainUnavailableError extends AppError {
  readonly code = 'keychain_unavailable';

  constructor(
    /** What the platform said, with any secret value removed. */
    readonly detail: string,
    /** What the person reads; the no-keychain advice unless the cause is known better (a timeout). */
    message: string = noKeychainMessage,
  ) {
    super('unavailable', message);
  }
}

/** The keychain answered but refused one operation (an ambiguous entry, a value it cannot hold, …). */
export class SecretStoreError extends AppError {
  readonly code = 'keychain_failed';

  constructor(
    readonly operation: 'read' | 'save' | 'delete',
    readonly key: string,
    readonly detail: string,
  ) {
    super('unavailable', `The system keychain could not ${operation} the secret "${key}": ${detail}`);
  }
}

/** Replaces every occurrence of `secret` in `text`, so a platform message can never leak the value it was given. */
export function redact(text: string, secret: string | undefined): string {
  if (secret === undefined || secret === '') return text;
  return text.split(secret).join('[redacted]');
}
