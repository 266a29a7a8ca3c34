import { describe, expect, it } from 'vitest';
import { SignInSlots, startSignIn, type SignInDeps } from '../../../main/auth/sign-in';
import type { SecretStore } from '../../../main/secrets/secret-store';

/** Sign-in starts never reach the keychain (only a finished sign-in does), so a store that refuses is enough. */
const untouchedStore: SecretStore = {
  get: () => Promise.reject(new Error('not expected')),
  set: () => Promise.reject(new Error('not expected')),
  delete: () => Promise.reject(new Error('not expected')),
};

const depsWith = (inFlight: SignInSlots): SignInDeps => ({
  secrets: untouchedStore,
  inFlight,
  google: {
    auth_url: 'https://auth.example/o/oauth2/auth',
    token_url: 'https://auth.example/token',
    client_id: 'sched-sync',
    client_secret: 'not-secret',
  },
});
const redirectOf = (authUrl: string) => new URL(authUrl).searchParams.get('redirect_uri')!;

describe('SignInSlots', () => {
  it('keeps one sign-in per provider: a new start cancels the one before and closes its listener', async () => {
    const slots = new SignInSlots();
    const deps = depsWith(slots);

    const first = await startSignIn(deps, 'google');
    const second = await startSignIn(deps, 'google');

    await expect(first.done).rejects.toMatchObject({ reason: 'cancelled' });
    await expect(fetch(redirectOf(first.auth_url))).rejects.toThrow();
    expect((await fetch(`${redirectOf(second.auth_url)}?state=other`)).status).toBe(400);
    expect(slots.size).toBe(1);
    second.cancel();
    await expect(second.done).rejects.toMatchObject({ reason: 'cancelled' });
    expect(slots.size).toBe(0);
  });

  it('runs many simultaneous starts one after another, leaving only the last in flight', async () => {
    const slots = new SignInSlots();
    const deps = depsWith(slots);

    const flows = await Promise.all(Array.from({ length: 50 }, () => startSignIn(deps, 'google')));
    const outcomes = await Promise.allSettled(flows.slice(0, -1).map((flow) => flow.done));

    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(slots.size).toBe(1);
    flows.at(-1)!.cancel();
  });
});
