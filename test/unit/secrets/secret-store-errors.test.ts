import { describe, expect, it } from 'vitest';
import {
  KeychainUnavailableError,
  SecretStoreError,
  noKeychainMessage,
  redact,
} from '../../../main/secrets/secret-store-errors';

describe('secret store errors', () => {
  it('tells a person without a keychain what to do and that nothing is stored in plain text', () => {
    const error = new KeychainUnavailableError('DBus error: Failed to connect to socket');

    expect(error.message).toBe(
      'No system keychain is available (Secret Service on Linux). Sched Sync will not store sign-ins in plain text. ' +
        'Install and unlock GNOME Keyring or KWallet, then try again.',
    );
    expect(error.message).toBe(noKeychainMessage);
    expect(error.code).toBe('keychain_unavailable');
    expect(error.detail).toBe('DBus error: Failed to connect to socket');
  });

  it('names the operation and the key, never a value', () => {
    const error = new SecretStoreError('save', 'refresh-token:acc-1', 'Ambiguous: 2 credentials match');

    expect(error.message).toBe(
      'The system keychain could not save the secret "refresh-token:acc-1": Ambiguous: 2 credentials match',
    );
    expect(error.code).toBe('keychain_failed');
  });

  it('removes every copy of a secret from a platform message', () => {
    expect(redact('bad value tok-123 (tok-123)', 'tok-123')).toBe('bad value [redacted] ([redacted])');
    expect(redact('nothing to hide', undefined)).toBe('nothing to hide');
    expect(redact('nothing to hide', '')).toBe('nothing to hide');
  });
});
