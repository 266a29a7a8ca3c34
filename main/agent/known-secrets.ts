/** Every secret value the agent holds, so diagnostics can cut each out wherever it appears (diagnostics.ts). */
import { googleClientSecretKey } from '../auth/oauth-clients';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../store/settings-store';

/** Where the secrets live: the keychain, the accounts in the settings, the sandbox's info and the sign-in apps. */
export interface SecretSources {
  secrets: SecretStore;
  settings: SettingsStore;
  sandboxSecrets: () => (string | null | undefined)[];
  /** The Google sign-in app's secret in force now (from the settings, a deployment file or a release). */
  googleClientSecret: () => Promise<string | null | undefined>;
}

/** The secret strings themselves, none empty; a keychain entry that cannot be read is skipped. */
export async function knownSecrets(sources: SecretSources): Promise<string[]> {
  const read = (key: string) => sources.secrets.get(key).catch(() => null);
  const values: (string | null | undefined)[] = [
    await read(secretKeys.schedApiKey),
    await read(googleClientSecretKey),
    ...sources.sandboxSecrets(),
    await sources.googleClientSecret(),
  ];
  for (const account of sources.settings.listAccounts()) {
    values.push(await read(secretKeys.refreshToken(account.id)));
    values.push(...secretsInMsalCache(await read(secretKeys.msalCache(account.id))));
  }
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The token strings inside a serialized MSAL cache (each entry's `secret`); all of it when it is not JSON. */
function secretsInMsalCache(serialized: string | null): string[] {
  if (!serialized) return [];
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'secret' && typeof inner === 'string') found.push(inner);
      else walk(inner);
    }
  };
  try {
    walk(JSON.parse(serialized));
  } catch {
    found.push(serialized);
  }
  return found;
}
