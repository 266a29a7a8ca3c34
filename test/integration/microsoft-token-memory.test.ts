import { describe, expect, it } from 'vitest';
import { importMicrosoftRefreshToken, MicrosoftAccount } from '../../main/auth';
import { MemorySecretStore } from '../fakes/memory-secret-store';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';

const sandbox = useTestSandbox({ seed: 'demo' });

/** A keychain stand-in that counts its reads and writes. */
class CountingSecretStore extends MemorySecretStore {
  reads = 0;
  writes = 0;
  override async get(key: string): Promise<string | null> {
    this.reads += 1;
    return super.get(key);
  }
  override async set(key: string, value: string): Promise<void> {
    this.writes += 1;
    return super.set(key, value);
  }
}

describe('Microsoft access tokens', () => {
  it('are held in memory while fresh: twenty more asks (one per Graph request) read nothing from the keychain', async () => {
    const box = sandbox();
    const user = box.info.microsoft.users[0]!;
    const tokens = await call(`${box.url}/sandbox/tokens`, {
      method: 'POST',
      body: { provider: 'microsoft', user },
    });
    const secrets = new CountingSecretStore();
    const identity = await importMicrosoftRefreshToken(box.info.microsoft, secrets, {
      refresh_token: tokens.body.refresh_token as string,
    });
    const account = await MicrosoftAccount.open(box.info.microsoft, secrets, identity.account_id);
    const first = await account.accessToken();
    const before = { reads: secrets.reads, writes: secrets.writes };

    const again = await Promise.all(Array.from({ length: 20 }, () => account.accessToken()));
    const afterFresh = { reads: secrets.reads, writes: secrets.writes };
    const refreshed = await account.refresh();
    const afterRefresh = await account.accessToken();

    expect(new Set(again)).toEqual(new Set([first]));
    expect(afterFresh).toEqual(before);
    expect(refreshed).not.toBe(first);
    expect(afterRefresh).toBe(refreshed);
    // The refresh goes through MSAL and its keychain cache: read before, written after (the rotated grant).
    expect(secrets.reads - afterFresh.reads).toBeGreaterThanOrEqual(1);
    expect(secrets.writes - afterFresh.writes).toBe(1);
  });
});
