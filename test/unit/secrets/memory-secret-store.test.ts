import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../fakes/memory-secret-store';
import { secretKeys } from '../../../main/secrets/secret-store';

describe('MemorySecretStore', () => {
  it('gives back what was stored and null for what was not', async () => {
    const store = new MemorySecretStore();

    await store.set(secretKeys.refreshToken('acc-1'), '1//refresh-token');

    expect(await store.get('refresh-token:acc-1')).toBe('1//refresh-token');
    expect(await store.get(secretKeys.msalCache('acc-1'))).toBeNull();
  });

  it('replaces a value and deletes it once', async () => {
    const store = new MemorySecretStore();
    await store.set(secretKeys.schedApiKey, 'old');
    await store.set(secretKeys.schedApiKey, 'new');

    expect(await store.get('sched-api-key')).toBe('new');
    expect(await store.delete('sched-api-key')).toBe(true);
    expect(await store.delete('sched-api-key')).toBe(false);
    expect(store.keys()).toEqual([]);
  });

  it('rejects an empty key or value without echoing the value', async () => {
    const store = new MemorySecretStore();

    await expect(store.set('', 'secret-value')).rejects.toThrow('A secret key must be a non-empty string');
    await expect(store.set('k', '')).rejects.toThrow('A secret value must be a non-empty string.');
    await expect(store.set('', 'secret-value')).rejects.not.toThrow(/secret-value/);
  });
});
