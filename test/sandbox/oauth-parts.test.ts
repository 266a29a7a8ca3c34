import { describe, expect, it } from 'vitest';
import { isLoopbackRedirect } from '../../sandbox/oauth/issuers';
import { adaptAuthorizationQuery } from '../../sandbox/oauth/offline-access';
import { TokenStore } from '../../sandbox/oauth/token-store';

describe('isLoopbackRedirect (RFC 8252 §7.3)', () => {
  it.each([
    'http://127.0.0.1:1/cb',
    'http://127.0.0.1:65535/any/path?x=1',
    'http://localhost:8080/',
    'http://[::1]:9000/callback',
  ])('accepts %s', (uri) => {
    expect(isLoopbackRedirect(uri)).toBe(true);
  });

  it.each([
    'https://127.0.0.1:8080/cb',
    'http://example.com:8080/cb',
    'http://127.0.0.2/cb',
    'http://127.0.0.1:8080/cb#fragment',
    'http://user@127.0.0.1/cb',
    'not a url',
  ])('refuses %s', (uri) => {
    expect(isLoopbackRedirect(uri)).toBe(false);
  });
});

describe('adaptAuthorizationQuery', () => {
  it("turns Google's access_type=offline into offline_access with consent", () => {
    const query = new URLSearchParams(
      adaptAuthorizationQuery('google', new URLSearchParams('scope=openid&access_type=offline')),
    );

    expect(query.get('scope')).toBe('openid offline_access');
    expect(query.get('prompt')).toBe('consent');
  });

  it('keeps a requested prompt and adds consent for offline_access', () => {
    const query = new URLSearchParams(
      adaptAuthorizationQuery(
        'microsoft',
        new URLSearchParams('scope=openid offline_access&prompt=select_account'),
      ),
    );

    expect(query.get('prompt')).toBe('select_account consent');
  });

  it('leaves online requests and prompt=none alone', () => {
    const online = new URLSearchParams(
      adaptAuthorizationQuery('google', new URLSearchParams('scope=openid&access_type=online')),
    );
    const silent = new URLSearchParams(
      adaptAuthorizationQuery('microsoft', new URLSearchParams('scope=offline_access&prompt=none')),
    );

    expect(online.get('scope')).toBe('openid');
    expect(online.get('prompt')).toBeNull();
    expect(silent.get('prompt')).toBe('none');
  });
});

describe('TokenStore', () => {
  function storeAt(clock: { ms: number }) {
    let writes = 0;
    const store = new TokenStore(
      () => clock.ms,
      () => {
        writes += 1;
      },
    );
    return { store, writes: () => writes };
  }

  it('forgets entries when their lifetime has passed by its clock', async () => {
    const clock = { ms: 1_000_000 };
    const { store } = storeAt(clock);
    const adapter = store.adapterFactory()('AccessToken');
    await adapter.upsert('a', { grantId: 'g' }, 10);

    const before = await adapter.find('a');
    clock.ms += 10_001;

    expect(before).toEqual({ grantId: 'g' });
    expect(await adapter.find('a')).toBeUndefined();
    expect(store.toJSON()).toEqual({ AccessToken: {} });
  });

  it('revokeByGrantId removes every token of that grant and nothing else, and reports the writes', async () => {
    const { store, writes } = storeAt({ ms: 0 });
    const factory = store.adapterFactory();
    await factory('AccessToken').upsert('a1', { grantId: 'g1' });
    await factory('RefreshToken').upsert('r1', { grantId: 'g1' });
    await factory('RefreshToken').upsert('r2', { grantId: 'g2' });

    await factory('AccessToken').revokeByGrantId('g1');

    expect(await factory('AccessToken').find('a1')).toBeUndefined();
    expect(await factory('RefreshToken').find('r1')).toBeUndefined();
    expect(await factory('RefreshToken').find('r2')).toEqual({ grantId: 'g2' });
    expect(writes()).toBe(4);
  });

  it('round-trips through toJSON and load, and finds sessions by uid', async () => {
    const { store } = storeAt({ ms: 0 });
    await store.adapterFactory()('Session').upsert('s1', { uid: 'u1', accountId: 'alex@sandbox.example' });
    const copy = storeAt({ ms: 0 }).store;

    copy.load(JSON.parse(JSON.stringify(store.toJSON())));

    expect(await copy.adapterFactory()('Session').findByUid('u1')).toMatchObject({
      accountId: 'alex@sandbox.example',
    });
  });
});
