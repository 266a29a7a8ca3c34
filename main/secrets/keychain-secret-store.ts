import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { assertSecretKey, assertSecretValue, type SecretStore } from './secret-store';
import { KeychainUnavailableError, SecretStoreError, redact } from './secret-store-errors';

/** The keychain service name every Sched Sync secret is filed under; the secret's key is the account. */
export const keychainService = 'sched-sync';

export interface KeychainSecretStoreOptions {
  /** Overrides the service name; tests use their own so they never touch a person's real sign-ins. */
  service?: string;
}

/**
 * On Linux, pin entries to the Secret Service. Left to itself, the keyring falls back to the kernel keyring,
 * which forgets everything at logout: sign-ins would vanish silently instead of the person being told.
 */
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

/** keyring-rs's "no store" failures (PlatformFailure, NoStorageAccess), as @napi-rs/keyring words them. */
const unavailablePattern = /platform failure|platform storage|no storage access|dbus|secret service/i;

/** A SecretStore over the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux). */
export class KeychainSecretStore implements SecretStore {
  private readonly service: string;

  constructor(options: KeychainSecretStoreOptions = {}) {
    this.service = options.service ?? keychainService;
  }

  async get(key: string): Promise<string | null> {
    assertSecretKey(key);
    return this.call('read', key, undefined, (entry) => entry.getPassword());
  }

  async set(key: string, value: string): Promise<void> {
    assertSecretKey(key);
    assertSecretValue(value);
    await this.call('save', key, value, (entry) => entry.setPassword(value));
  }

  async delete(key: string): Promise<boolean> {
    assertSecretKey(key);
    return this.call('delete', key, undefined, (entry) => entry.deleteCredential());
  }

  /** Runs one keychain call and turns its failure into a typed error that never carries `value`. */
  private async call<T>(
    operation: 'read' | 'save' | 'delete',
    key: string,
    value: string | undefined,
    fn: (entry: AsyncEntry) => Promise<T>,
  ): Promise<T> {
    try {
      return await fn(new AsyncEntry(this.service, key, entryOptions));
    } catch (error) {
      const detail = redact(error instanceof Error ? error.message : String(error), value);
      if (unavailablePattern.test(detail)) throw new KeychainUnavailableError(detail);
      throw new SecretStoreError(operation, key, detail);
    }
  }
}

/**
 * Whether a keychain answers here: writes, reads back and deletes a throw-away entry, since a locked keyring
 * may still answer reads. Resolves false instead of throwing.
 */
export async function isKeychainAvailable(options: KeychainSecretStoreOptions = {}): Promise<boolean> {
  const store = new KeychainSecretStore(options);
  const key = `probe:${process.pid}:${Date.now()}`;
  try {
    await store.set(key, 'probe');
    const readBack = await store.get(key);
    await store.delete(key);
    return readBack === 'probe';
  } catch {
    return false;
  }
}
