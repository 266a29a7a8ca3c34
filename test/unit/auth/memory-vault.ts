/** A keychain stand-in for unit tests: a Map, plus a record of every value ever written. */
import type { SecretVault } from '../../../main/auth/secret-keys';

export class MemoryVault implements SecretVault {
  readonly entries = new Map<string, string>();
  readonly writes: Array<[string, string]> = [];

  get(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.entries.set(key, value);
    this.writes.push([key, value]);
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }
}
