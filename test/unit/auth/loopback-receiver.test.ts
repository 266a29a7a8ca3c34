import { describe, expect, it } from 'vitest';
import { SignInError } from '../../../main/auth/auth-errors';
import { listenLoopback } from '../../../main/auth/loopback-receiver';

const options = { provider: 'google' as const, state: 'expected-state', timeoutMs: 5_000 };

describe('listenLoopback', () => {
  it('listens on 127.0.0.1 with an OS-chosen port', async () => {
    const receiver = await listenLoopback();

    expect(receiver.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    receiver.close();
  });

  it('hands the code over, shows a success page and closes', async () => {
    const receiver = await listenLoopback();
    const result = receiver.receive({ ...options, onCode: async (code) => `exchanged ${code}` });

    const page = await fetch(`${receiver.redirectUri}?code=abc&state=expected-state`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in — you can close this tab');
    await expect(result).resolves.toBe('exchanged abc');
    await expect(fetch(receiver.redirectUri)).rejects.toThrow();
  });

  it('refuses a redirect with another state and keeps waiting for the right one', async () => {
    const receiver = await listenLoopback();
    const result = receiver.receive({ ...options, onCode: async (code) => code });

    const forged = await fetch(`${receiver.redirectUri}?code=evil&state=other`);
    await fetch(`${receiver.redirectUri}?code=good&state=expected-state`);

    expect(forged.status).toBe(400);
    await expect(result).resolves.toBe('good');
  });

  it('reports a denied consent as a clear SignInError', async () => {
    const receiver = await listenLoopback();
    const result = receiver.receive({ ...options, onCode: async (code) => code });
    result.catch(() => undefined);

    const page = await fetch(`${receiver.redirectUri}?error=access_denied&state=expected-state`);

    expect(await page.text()).toContain('Access was denied at Google');
    await expect(result).rejects.toMatchObject({ reason: 'denied', name: 'SignInError' });
  });

  it('shows the exchange failure on the page and rejects with it', async () => {
    const receiver = await listenLoopback();
    const failure = new SignInError(
      'google',
      'failed',
      'Google did not complete the sign-in (invalid_grant).',
    );
    const result = receiver.receive({
      ...options,
      onCode: async () => {
        throw failure;
      },
    });
    result.catch(() => undefined);

    const page = await fetch(`${receiver.redirectUri}?code=abc&state=expected-state`);

    expect(await page.text()).toContain('Google did not complete the sign-in (invalid_grant).');
    await expect(result).rejects.toBe(failure);
  });

  it('times out, closing the server', async () => {
    const receiver = await listenLoopback();

    const result = receiver.receive({ ...options, timeoutMs: 50, onCode: async (code) => code });

    await expect(result).rejects.toMatchObject({ reason: 'timeout' });
    await expect(fetch(receiver.redirectUri)).rejects.toThrow();
  });

  it('rejects as cancelled when closed', async () => {
    const receiver = await listenLoopback();
    const result = receiver.receive({ ...options, onCode: async (code) => code });

    receiver.close();

    await expect(result).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('answers other paths with 404 and keeps waiting', async () => {
    const receiver = await listenLoopback();
    const result = receiver.receive({ ...options, onCode: async (code) => code });

    const favicon = await fetch(receiver.redirectUri.replace('/callback', '/favicon.ico'));
    await fetch(`${receiver.redirectUri}?code=later&state=expected-state`);

    expect(favicon.status).toBe(404);
    await expect(result).resolves.toBe('later');
  });
});
