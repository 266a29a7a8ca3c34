import { assertSecretKey, assertSecretValue, type SecretStore } from '../../main/secrets/secret-store';

/** A SecretStore in memory, for unit tests and nothing else: it forgets everything when the process ends. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    assertSecretKey(key);
    return this.secrets.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    assertSecretKey(key);
    assertSecretValue(value);
    this.secrets.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    assertSecretKey(key);
    return this.secrets.delete(key);
  }

  /** The keys held, sorted, so tests can see what was stored without reading values. */
  keys(): string[] {
    return [...this.secrets.keys()].sort();
  }
}
