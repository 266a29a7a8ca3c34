import { assertSecretKey, assertSecretValue, type SecretStore } from './secret-store';
import { KeychainUnavailableError, SecretStoreError, redact } from './secret-store-errors';
import { KeychainThread, type KeychainRequest, type KeychainThreadOptions } from './keychain-thread';

/** The keychain service name every Sched Sync secret is filed under; the secret's key is the account. */
export const keychainService = 'sched-sync';

export interface KeychainSecretStoreOptions extends KeychainThreadOptions {
  /** Overrides the service name; tests use their own so they never touch a person's real sign-ins. */
  service?: string;
}

/** keyring-rs's "no store" failures (PlatformFailure, NoStorageAccess), as @napi-rs/keyring words them. */
const unavailablePattern = /platform failure|platform storage|no storage access|dbus|secret service/i;

/**
 * A SecretStore over the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux). On
 * Linux entries are pinned to the Secret Service: left to itself, the keyring falls back to the kernel keyring,
 * which forgets everything at logout, so sign-ins would vanish silently instead of the person being told. Every
 * call runs on a worker thread with a deadline (keychain-thread.ts), so a stuck keychain never stalls the agent.
 */
export class KeychainSecretStore implements SecretStore {
  private readonly service: string;
  private readonly thread: KeychainThread;

  constructor(options: KeychainSecretStoreOptions = {}) {
    this.service = options.service ?? keychainService;
    this.thread = new KeychainThread(options);
  }

  async get(key: string): Promise<string | null> {
    assertSecretKey(key);
    return (await this.call({ op: 'read', service: this.service, key })) as string | null;
  }

  async set(key: string, value: string): Promise<void> {
    assertSecretKey(key);
    assertSecretValue(value);
    await this.call({ op: 'save', service: this.service, key, value });
  }

  async delete(key: string): Promise<boolean> {
    assertSecretKey(key);
    return (await this.call({ op: 'delete', service: this.service, key })) === true;
  }

  /**
   * Whether the keychain answers: writes, reads back and deletes a throw-away entry, since a locked keyring may
   * still answer reads. Resolves false instead of throwing.
   */
  async available(): Promise<boolean> {
    const key = `probe:${process.pid}:${Date.now()}`;
    try {
      await this.set(key, 'probe');
      const readBack = await this.get(key);
      await this.delete(key);
      return readBack === 'probe';
    } catch {
      return false;
    }
  }

  /** Stops the keychain worker (it never keeps the process alive, so this is for tidy shutdowns). */
  close(): void {
    this.thread.close();
  }

  /** Runs one keychain call and turns its failure into a typed error that never carries the value. */
  private async call(request: KeychainRequest): Promise<string | boolean | null> {
    const answer = await this.thread.call(request);
    if (answer.ok) return answer.value;
    const detail = redact(answer.message, request.value);
    if (unavailablePattern.test(detail)) throw new KeychainUnavailableError(detail);
    throw new SecretStoreError(request.op, request.key, detail);
  }
}

/** Whether a keychain answers here, probed with a store of its own (see `KeychainSecretStore.available`). */
export async function isKeychainAvailable(options: KeychainSecretStoreOptions = {}): Promise<boolean> {
  const store = new KeychainSecretStore(options);
  try {
    return await store.available();
  } finally {
    store.close();
  }
}
