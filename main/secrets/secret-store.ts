/**
 * Where sign-ins and keys live: OAuth refresh tokens, the MSAL token cache and the Sched API key.
 * Nothing else in Sched Sync stores them (not settings, the state DB, logs or errors). ARCHITECTURE.md, "Keychain".
 */
export interface SecretStore {
  /** The secret under `key`, or null when there is none. */
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key`, replacing what was there. */
  set(key: string, value: string): Promise<void>;
  /** Removes the secret under `key`; resolves false when there was none. */
  delete(key: string): Promise<boolean>;
  /** Whether the store can keep secrets right now; a store without this always can. */
  available?(): Promise<boolean>;
}

/** The keys Sched Sync uses, so every module spells them the same way. */
export const secretKeys = {
  /** An account's OAuth refresh token (Google). */
  refreshToken: (accountId: string): string => `refresh-token:${accountId}`,
  /** An account's serialized msal-node token cache (Microsoft). */
  msalCache: (accountId: string): string => `msal-cache:${accountId}`,
  /** The Sched API key. */
  schedApiKey: 'sched-api-key',
} as const;

/** Checks a key before it reaches a store: every store rejects the same bad keys. */
export function assertSecretKey(key: string): void {
  if (typeof key !== 'string' || key.trim() === '' || key.length > 256) {
    throw new TypeError('A secret key must be a non-empty string of at most 256 characters.');
  }
}

/** Checks a value before it is stored, without ever echoing it. */
export function assertSecretValue(value: string): void {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError('A secret value must be a non-empty string.');
  }
}
