import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { KeychainSecretStore } from '../../../main/secrets/keychain-secret-store';
import { KeychainThread, keychainTimeoutMessage, outsideAsar } from '../../../main/secrets/keychain-thread';

const stuckKeyring = join(import.meta.dirname, 'stuck-keyring.cjs');

describe('KeychainSecretStore on its worker thread', () => {
  it('fails a call the keychain never answers with a clear error once the deadline passes', async () => {
    const store = new KeychainSecretStore({ service: 'test', keyringPath: stuckKeyring, timeoutMs: 200 });

    await expect(store.get('refresh-token:a')).rejects.toMatchObject({
      name: 'KeychainUnavailableError',
      code: 'keychain_unavailable',
      message:
        'The system keychain did not answer within 0.2 s. Unlock it (or restart GNOME Keyring or KWallet), then try again.',
    });
    store.close();
  });

  it('keeps the event loop free while a call hangs', async () => {
    const store = new KeychainSecretStore({ service: 'test', keyringPath: stuckKeyring, timeoutMs: 500 });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);

    await store.get('refresh-token:a').catch(() => undefined);
    clearInterval(ticker);

    expect(ticks).toBeGreaterThan(5);
    store.close();
  });

  it('answers the next call on a fresh worker after one hung', async () => {
    const store = new KeychainSecretStore({ service: 'test', keyringPath: stuckKeyring, timeoutMs: 1_000 });

    await store.get('refresh-token:a').catch(() => undefined);
    await expect(store.set('refresh-token:a', 'value')).resolves.toBeUndefined();
    store.close();
  });

  it('maps a refusal the worker reports to a SecretStoreError without the value', async () => {
    const store = new KeychainSecretStore({ service: 'test', keyringPath: stuckKeyring, timeoutMs: 10_000 });

    await expect(store.set('refresh-token:a', 'refuse-s3cret')).rejects.toMatchObject({
      name: 'SecretStoreError',
      message:
        'The system keychain could not save the secret "refresh-token:a": Attribute too long: [redacted]',
    });
    store.close();
  });

  it('loads the keyring from the unpacked copy in a packaged app', () => {
    expect(outsideAsar('/opt/Sched Sync/resources/app.asar/node_modules/@napi-rs/keyring/index.js')).toBe(
      '/opt/Sched Sync/resources/app.asar.unpacked/node_modules/@napi-rs/keyring/index.js',
    );
    expect(outsideAsar('C:\\Sched\\resources\\app.asar\\node_modules\\k.js')).toBe(
      'C:\\Sched\\resources\\app.asar.unpacked\\node_modules\\k.js',
    );
    expect(outsideAsar('/work/node_modules/@napi-rs/keyring/index.js')).toBe(
      '/work/node_modules/@napi-rs/keyring/index.js',
    );
  });

  it('lets its worker go once idle, and the next call starts a fresh one that answers', async () => {
    const thread = new KeychainThread({ keyringPath: stuckKeyring, timeoutMs: 10_000, idleMs: 50 });
    const save = { op: 'save', service: 'test', key: 'refresh-token:a', value: 'v' } as const;

    await expect(thread.call(save)).resolves.toEqual({ ok: true, value: null });
    const runningAfterCall = thread.running;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const runningWhenIdle = thread.running;
    await expect(thread.call(save)).resolves.toEqual({ ok: true, value: null });

    expect(runningAfterCall).toBe(true);
    expect(runningWhenIdle).toBe(false);
    thread.close();
  });

  it('keeps its worker while a call made after an idle spell began still waits for the keychain', async () => {
    const thread = new KeychainThread({ keyringPath: stuckKeyring, timeoutMs: 2_000, idleMs: 50 });
    await thread.call({ op: 'save', service: 'test', key: 'refresh-token:b', value: 'v' });
    const read = thread.call({ op: 'read', service: 'test', key: 'refresh-token:a' }).catch((e: Error) => e);

    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(thread.running).toBe(true);
    thread.close();
    await read;
  });

  it('words the deadline in seconds', () => {
    expect(keychainTimeoutMessage(15_000)).toMatch(/^The system keychain did not answer within 15 s\./);
  });
});
