import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector } from '../../sandbox/core/faults';
import { call, useTestSandbox } from './helpers/start-test-sandbox';

describe('fault injection through the sandbox', () => {
  const sandbox = useTestSandbox({ seed: 'empty' });
  const resources = () =>
    call(`${sandbox().info.sched.base_url}/resources`, { token: sandbox().info.sched.api_key });
  const arm = (fault: Record<string, unknown>) =>
    call(`${sandbox().url}/sandbox/faults`, { method: 'POST', body: fault });

  afterEach(async () => {
    await call(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
  });

  it.each([429, 500, 503])('answers %i for the next `count` requests, then recovers', async (status) => {
    await arm({ target: 'sched', status, count: 2 });

    const first = await resources();
    const second = await resources();
    const third = await resources();

    expect([first.status, second.status, third.status]).toEqual([status, status, 200]);
    expect(first.body.error.code).toEqual(expect.any(String));
  });

  it('sends Retry-After with a 429 (1 s unless told) and the given value with a 503', async () => {
    await arm({ target: 'sched', status: 429, count: 1 });
    const defaulted = await resources();
    await arm({ target: 'sched', status: 503, count: 1, retry_after: 7 });
    const given = await resources();

    expect(defaulted.headers.get('retry-after')).toBe('1');
    expect(given.headers.get('retry-after')).toBe('7');
  });

  it('drops the connection for "reset"', async () => {
    await arm({ target: 'sched', status: 'reset', count: 1 });

    await expect(resources()).rejects.toThrow();
    expect((await resources()).status).toBe(200);
  });

  it('holds the request for "slow" and then answers normally', async () => {
    await arm({ target: 'sched', status: 'slow', count: 1, delay_ms: 400 });

    const started = Date.now();
    const response = await resources();

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('fails every request at rate 1 and none at rate 0', async () => {
    await arm({ target: 'sched', status: 500, rate: 1 });
    const always = await Promise.all([resources(), resources(), resources()]);
    await arm({ target: 'sched', status: 500, rate: 0 });
    const never = await Promise.all([resources(), resources(), resources()]);

    expect(always.map((r) => r.status)).toEqual([500, 500, 500]);
    expect(never.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('touches only its target and never the /sandbox controls', async () => {
    await arm({ target: 'google', status: 503, rate: 1 });

    const sched = await resources();
    const info = await call(`${sandbox().url}/sandbox/info`);
    const google = await call(`${sandbox().info.google.root_url}calendar/v3/users/me/calendarList`);

    expect(sched.status).toBe(200);
    expect(info.status).toBe(200);
    expect(google.status).toBe(503);
    expect(google.body.error.errors[0].reason).toBe('backendError');
  });

  it('refuses a bad fault with 400 naming the field', async () => {
    const badTarget = await arm({ target: 'dropbox', status: 500, count: 1 });
    const badStatus = await arm({ target: 'sched', status: 418, count: 1 });
    const badRate = await arm({ target: 'sched', status: 500, rate: 2 });
    const neither = await arm({ target: 'sched', status: 500 });

    expect([badTarget, badStatus, badRate, neither].map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect([badTarget, badStatus, badRate, neither].map((r) => r.body.error.field)).toEqual([
      'target',
      'status',
      'rate',
      'rate',
    ]);
    expect((await resources()).status).toBe(200);
  });
});

describe('FaultInjector', () => {
  it('fails the share of requests that the rate says', () => {
    const draws = [0.1, 0.6, 0.3, 0.9];
    const faults = new FaultInjector(() => draws.shift() ?? 1);
    faults.set({ target: 'google', status: 500, rate: 0.5 });

    const outcomes = [1, 2, 3, 4].map(() => faults.take('google')?.status);

    expect(outcomes).toEqual([500, undefined, 500, undefined]);
  });

  it('forgets a count fault once it is used up', () => {
    const faults = new FaultInjector();
    faults.set({ target: 'oauth', status: 429, count: 1 });

    faults.take('oauth');

    expect(faults.list()).toEqual([]);
  });
});
