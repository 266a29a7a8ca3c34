import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findCredentials } from '@napi-rs/keyring';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KeychainSecretStore,
  isKeychainAvailable,
  keychainService,
} from '../../main/secrets/keychain-secret-store';
import { noKeychainMessage } from '../../main/secrets/secret-store-errors';

// Run under a real Secret Service, as .ci/run does:
// dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; npx vitest run …'
const service = `sched-sync-test-${process.pid}`;
const store = new KeychainSecretStore({ service });
const run = promisify(execFile);

/** Sockets this process holds open: each Secret Service connection is one. */
function openSockets(): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:');
    } catch {
      return false; // closed while listing
    }
  }).length;
}

describe('KeychainSecretStore against the real Secret Service', () => {
  afterAll(async () => {
    for (const { account } of findCredentials(service)) await store.delete(account);
  });

  it('finds a keychain to talk to', async () => {
    expect(await isKeychainAvailable({ service })).toBe(true);
  });

  it('stores, reads back and deletes a refresh token', async () => {
    await store.set('refresh-token:acc-1', '1//0gRefreshTokenValue');

    expect(await store.get('refresh-token:acc-1')).toBe('1//0gRefreshTokenValue');
    expect(await store.delete('refresh-token:acc-1')).toBe(true);
    expect(await store.get('refresh-token:acc-1')).toBeNull();
    expect(await store.delete('refresh-token:acc-1')).toBe(false);
  });

  it('keeps unicode and long values exactly', async () => {
    const value = `clé secrète 🔐 日本語 ${'x'.repeat(20_000)}`;

    await store.set('msal-cache:acc-2', value);

    expect(await store.get('msal-cache:acc-2')).toBe(value);
  });

  it('replaces a value under the same key', async () => {
    await store.set('sched-api-key', 'first-key');
    await store.set('sched-api-key', 'second-key');

    expect(await store.get('sched-api-key')).toBe('second-key');
    expect(findCredentials(service).filter((c) => c.account === 'sched-api-key')).toHaveLength(1);
  });

  it('keeps keys apart', async () => {
    await store.set('refresh-token:a', 'token-a');
    await store.set('refresh-token:b', 'token-b');

    await store.delete('refresh-token:a');

    expect(await store.get('refresh-token:a')).toBeNull();
    expect(await store.get('refresh-token:b')).toBe('token-b');
  });

  it('keeps one keychain connection per key however often the agent reads it', async () => {
    // Every Graph request reads the token cache from the keychain; a connection per call piled up by the hundred
    // during a sync of 50 calendars (open files the D-Bus wait cannot go past, memory in the agent and the bus).
    await store.set('msal-cache:many-reads', 'cache');
    await store.set('refresh-token:many-reads', 'token');
    const before = openSockets();

    for (let i = 0; i < 40; i += 1) {
      expect(
        await store.get(i % 2 === 0 ? 'msal-cache:many-reads' : 'refresh-token:many-reads'),
      ).toBeTruthy();
    }

    expect(openSockets() - before).toBeLessThanOrEqual(0);
  });

  it('files secrets under the sched-sync service with the key as the account by default', async () => {
    const real = new KeychainSecretStore();
    const key = `refresh-token:test-${process.pid}`;

    await real.set(key, 'value-under-default-service');
    const accounts = findCredentials(keychainService).map((c) => c.account);
    await real.delete(key);

    expect(keychainService).toBe('sched-sync');
    expect(accounts).toContain(key);
  });
});

describe('KeychainSecretStore without a keychain', () => {
  it('refuses with the clear error, never stores in plain text, and never shows the secret', async () => {
    const secret = 'sup3r-s3cret-refresh-token-Ω';
    const fixture = join(import.meta.dirname, 'fixtures', 'keychain-without-bus.ts');
    const home = mkdtempSync(join(tmpdir(), 'sched-sync-home-'));

    const { stdout, stderr } = await run('npx', ['tsx', fixture, service, secret], {
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/sched-sync-test-bus',
        // A fresh home and XDG dirs show that no file fallback was written anywhere a store could put one.
        HOME: home,
        XDG_DATA_HOME: join(home, 'data'),
        XDG_CONFIG_HOME: join(home, 'config'),
        npm_config_cache: join(tmpdir(), 'sched-sync-npm-cache'),
      },
      timeout: 30_000,
    });
    const written = readdirSync(home, { recursive: true });
    rmSync(home, { recursive: true, force: true });
    const outcome = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      set: { name: string; code: string; message: string };
      get: { name: string; code: string; message: string };
      available: boolean;
    };

    expect(outcome.set).toMatchObject({
      name: 'KeychainUnavailableError',
      code: 'keychain_unavailable',
      message: noKeychainMessage,
    });
    expect(outcome.get).toMatchObject({ code: 'keychain_unavailable', message: noKeychainMessage });
    expect(outcome.available).toBe(false);
    expect(stdout + stderr).not.toContain(secret);
    expect(written).toEqual([]);
  });
});
