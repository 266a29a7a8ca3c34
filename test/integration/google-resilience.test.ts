import { afterEach, describe, expect, it } from 'vitest';
import { createGoogleOAuthClient } from '../../main/auth/google-account';
import { ServiceUnavailableError } from '../../main/providers/gate';
import { GoogleCalendarProvider, createGoogleGate } from '../../main/providers/google';
import { AuthError, RateLimitError } from '../../main/providers/port';
import { syncWindow, type ItemFields } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  armGoogleFault,
  googleProviderFor,
  googleRequestsSeen,
  signedInGoogleClient,
} from '../contract/google-sandbox';
import { isReauthError } from '../../main/auth';

const sandbox = useTestSandbox({ seed: 'demo' });
const windowNow = () => syncWindow(sandbox().clock.now().toISOString(), 30, 180, 'UTC');
let slot = 0;

function booking(title: string): ItemFields {
  slot += 1;
  const startMs = Date.parse(windowNow().start) + 2 * 86_400_000 + slot * 3_600_000;
  return {
    title,
    description: '',
    location: '',
    start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone: 'Europe/Paris' },
    end: { kind: 'instant', utc: new Date(startMs + 1_800_000).toISOString(), zone: 'Europe/Paris' },
  };
}

async function resetStats(provider: GoogleCalendarProvider): Promise<void> {
  await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });
  provider.gate.resetRequests();
}

afterEach(async () => {
  await call(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
});

describe('Google adapter against the sandbox: cost', () => {
  it('spends exactly one request on an idle incremental list', async () => {
    const provider = await googleProviderFor(sandbox());
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowNow() });
    await resetStats(provider);

    const idle = await provider.listChanges({ cursor: nextCursor, window: windowNow() });

    expect(idle.items).toEqual([]);
    expect(provider.gate.requests).toBe(1);
    expect(await googleRequestsSeen(sandbox())).toBe(1);
  });

  it('reads the seeded demo calendar with recurring series expanded into instances', async () => {
    const provider = await googleProviderFor(sandbox());

    const full = await provider.listChanges({ cursor: null, window: windowNow() });

    expect(full.items.length).toBeGreaterThan(0);
    expect(full.items.some((item) => item.recurrence !== undefined)).toBe(true);
  });
});

describe('Google adapter against the sandbox: faults', () => {
  it('rides out a 429 storm and counts every attempt as the sandbox does', async () => {
    const provider = await googleProviderFor(sandbox());
    await resetStats(provider);
    await armGoogleFault(sandbox(), { status: 429, count: 3, retry_after: 0 });

    const created = await provider.create({
      fields: booking('Storm'),
      idempotencyKey: `storm-${Date.now()}`,
    });

    expect(created.title).toBe('Storm');
    expect(provider.gate.requests).toBe(4);
    expect(await googleRequestsSeen(sandbox())).toBe(4);
  });

  it('keeps working through 503 on 30% of calls and never makes a duplicate', async () => {
    const gate = createGoogleGate({ baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 10 });
    const provider = await googleProviderFor(sandbox(), { gate });
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowNow() });
    await resetStats(provider);
    await armGoogleFault(sandbox(), { status: 503, rate: 0.3, retry_after: 0 });
    const run = Date.now();

    const created = [];
    for (let i = 0; i < 12; i += 1) {
      created.push(
        await provider.create({ fields: booking(`Flaky ${i}`), idempotencyKey: `flaky-${run}-${i}` }),
      );
    }
    const changes = await provider.listChanges({ cursor: nextCursor, window: windowNow() });

    expect(changes.items.map((item) => item.id).sort()).toEqual(created.map((item) => item.id).sort());
    expect(provider.gate.requests).toBeGreaterThanOrEqual(13);
    expect(provider.gate.requests).toBe(await googleRequestsSeen(sandbox()));
  });

  it('retries connections the server drops', async () => {
    const provider = await googleProviderFor(sandbox());
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowNow() });
    await resetStats(provider);
    await armGoogleFault(sandbox(), { status: 'reset', count: 2 });

    const idle = await provider.listChanges({ cursor: nextCursor, window: windowNow() });

    expect(idle.items).toEqual([]);
    expect(provider.gate.requests).toBe(3);
    expect(await googleRequestsSeen(sandbox())).toBe(3);
  });

  it('stops with RateLimitError when the storm outlasts the retries, and works again after', async () => {
    const gate = createGoogleGate({ baseDelayMs: 5, maxAttempts: 3 });
    const provider = await googleProviderFor(sandbox(), { gate });
    await resetStats(provider);
    await armGoogleFault(sandbox(), { status: 429, rate: 1, retry_after: 0 });

    const stopped = provider.listChanges({ cursor: null, window: windowNow() });

    await expect(stopped).rejects.toBeInstanceOf(RateLimitError);
    expect(await googleRequestsSeen(sandbox())).toBe(3);
    await call(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
    await expect(provider.listChanges({ cursor: null, window: windowNow() })).resolves.toMatchObject({
      full: true,
    });
  });

  it('names the status when the service stays down', async () => {
    const gate = createGoogleGate({ baseDelayMs: 5, maxAttempts: 2 });
    const provider = await googleProviderFor(sandbox(), { gate });
    await armGoogleFault(sandbox(), { status: 500, rate: 1 });

    const failed = provider.get('anything1');

    await expect(failed).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(failed).rejects.toThrow(
      'Google Calendar kept failing (HTTP 500 backendError) after 2 attempts',
    );
  });
});

describe('Google adapter against the sandbox: sign-in', () => {
  it('refreshes once after a 401 and carries on', async () => {
    const auth = await signedInGoogleClient(sandbox());
    auth.setCredentials({
      refresh_token: auth.credentials.refresh_token,
      access_token: 'expired-or-revoked-token',
      expiry_date: Date.now() + 3_600_000,
    });
    const provider = new GoogleCalendarProvider({
      auth,
      signIn: { isRevoked: isReauthError },
      calendarId: 'primary',
      rootUrl: sandbox().info.google.root_url,
    });
    await resetStats(provider);

    const full = await provider.listChanges({ cursor: null, window: windowNow() });

    expect(full.full).toBe(true);
    expect(provider.gate.requests).toBe(2);
    expect(await googleRequestsSeen(sandbox())).toBe(2);
  });

  it('asks the person to sign in again when the grant is gone', async () => {
    const user = sandbox().info.google.users[1]!;
    const tokens = await call(`${sandbox().url}/sandbox/tokens`, {
      method: 'POST',
      body: { provider: 'google', user },
    });
    await call(`${sandbox().url}/sandbox/revoke`, { method: 'POST', body: { provider: 'google', user } });
    const auth = createGoogleOAuthClient(sandbox().info.google);
    auth.setCredentials({ refresh_token: tokens.body.refresh_token as string });
    const provider = new GoogleCalendarProvider({
      auth,
      signIn: { isRevoked: isReauthError },
      calendarId: 'primary',
      rootUrl: sandbox().info.google.root_url,
    });

    const refused = provider.listChanges({ cursor: null, window: windowNow() });

    await expect(refused).rejects.toBeInstanceOf(AuthError);
    await expect(refused).rejects.toThrow('Google Calendar refused the saved sign-in. Sign in again');
  });
});
