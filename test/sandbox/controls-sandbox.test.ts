import { describe, expect, it } from 'vitest';
import { call, useTestSandbox } from './helpers/start-test-sandbox';

describe('sandbox controls', () => {
  const sandbox = useTestSandbox({ seed: 'demo' });
  const control = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().url}/sandbox${path}`, init);
  const sched = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });

  it('serves the ready line at /sandbox/info', async () => {
    const info = await control('/info');

    expect(info.status).toBe(200);
    expect(info.body).toEqual(sandbox().info);
    expect(Object.keys(info.body)).toEqual(['url', 'ca', 'sched', 'google', 'microsoft']);
    expect(info.body.google.root_url).toBe(`${sandbox().url}/`);
    expect(info.body.microsoft.graph_url).toBe(`${sandbox().url}/graph`);
    expect(info.body.sched.base_url).toBe(`${sandbox().url}/sched/v1`);
  });

  it('mints tokens for seeded users that the Google and Graph stand-ins accept', async () => {
    const google = await control('/tokens', {
      method: 'POST',
      body: { provider: 'google', user: 'sam@sandbox.example' },
    });
    const microsoft = await control('/tokens', {
      method: 'POST',
      body: { provider: 'microsoft', user: 'riley@sandbox.example' },
    });

    const calendars = await call(`${sandbox().info.google.root_url}calendar/v3/users/me/calendarList`, {
      token: google.body.access_token,
    });
    const graph = await call(`${sandbox().info.microsoft.graph_url}/v1.0/me/calendars`, {
      token: microsoft.body.access_token,
    });

    expect(google.body).toEqual({ refresh_token: expect.any(String), access_token: expect.any(String) });
    expect(calendars.status).toBe(200);
    expect(graph.status).toBe(200);
  });

  it.each([
    ['/tokens', { provider: 'yahoo', user: 'alex@sandbox.example' }, 'provider'],
    ['/tokens', { provider: 'google', user: 'jordan@sandbox.example' }, 'user'],
    ['/tokens', { provider: 'google' }, 'user'],
    ['/revoke', { user: 'alex@sandbox.example' }, 'provider'],
    ['/clock', { advance_seconds: 'soon' }, 'advance_seconds'],
    ['/sync-tokens/expire', { target: 'oauth' }, 'target'],
  ])('refuses a bad body for %s with 400 naming the field', async (path, body, field) => {
    const response = await control(path, { method: 'POST', body });

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
  });

  it('revokes every grant of a user: their access tokens then get 401', async () => {
    const tokens = await control('/tokens', {
      method: 'POST',
      body: { provider: 'google', user: 'alex@sandbox.example' },
    });
    const list = () =>
      call(`${sandbox().info.google.root_url}calendar/v3/users/me/calendarList`, {
        token: tokens.body.access_token,
      });
    const before = await list();

    const revoked = await control('/revoke', {
      method: 'POST',
      body: { provider: 'google', user: 'alex@sandbox.example' },
    });
    const after = await list();

    expect(before.status).toBe(200);
    expect(revoked.status).toBe(200);
    expect(after.status).toBe(401);
  });

  it('counts requests per service and route pattern since the last reset', async () => {
    await control('/stats/reset', { method: 'POST' });
    const { body } = await sched('/bookings?max_results=1');
    await sched(`/bookings/${body.bookings[0].id}`);
    await sched(`/bookings/${body.bookings[0].id}`);

    const stats = await control('/stats');

    expect(stats.body).toEqual({
      requests: [
        { service: 'sched', method: 'GET', route: '/v1/bookings', count: 1 },
        { service: 'sched', method: 'GET', route: '/v1/bookings/:booking_id', count: 2 },
      ],
    });
  });

  it('puts the data back to the seed, clears faults and stats, and keeps the API key', async () => {
    const before = await sched('/bookings?max_results=500&include_cancelled=true');
    const created = await sched('/bookings', {
      method: 'POST',
      body: {
        resource_id: 'rsc_meeting_room_a',
        title: 'Temp',
        start: '2033-01-01T10:00:00Z',
        end: '2033-01-01T11:00:00Z',
      },
    });
    await sched(`/bookings/${before.body.bookings[0].id}`, { method: 'DELETE' });
    await control('/faults', { method: 'POST', body: { target: 'google', status: 500, rate: 1 } });

    const reset = await control('/reset', { method: 'POST' });
    const after = await sched('/bookings?max_results=500&include_cancelled=true');

    expect(reset.status).toBe(200);
    expect(after.body.bookings).toEqual(before.body.bookings);
    expect((await sched(`/bookings/${created.body.id}`)).status).toBe(404);
    expect((await control('/faults')).body).toEqual({ faults: [] });
    expect((await control('/stats')).body.requests).toEqual([
      { service: 'sched', method: 'GET', route: '/v1/bookings', count: 1 },
      { service: 'sched', method: 'GET', route: '/v1/bookings/:booking_id', count: 1 },
    ]);
  });

  it('puts Google Calendar data back to the seed as well', async () => {
    const tokens = await control('/tokens', {
      method: 'POST',
      body: { provider: 'google', user: 'sam@sandbox.example' },
    });
    const events = `${sandbox().info.google.root_url}calendar/v3/calendars/${encodeURIComponent('sam@sandbox.example')}/events`;
    const before = await call(`${events}?maxResults=2500`, { token: tokens.body.access_token });
    await call(events, {
      method: 'POST',
      token: tokens.body.access_token,
      body: {
        summary: 'Added after seeding',
        start: { dateTime: '2033-01-01T10:00:00Z' },
        end: { dateTime: '2033-01-01T11:00:00Z' },
      },
    });

    await control('/reset', { method: 'POST' });
    const after = await call(`${events}?maxResults=2500`, { token: tokens.body.access_token });

    expect(before.body.items.length).toBeGreaterThan(0);
    expect(after.status).toBe(200);
    expect(after.body.items.map((event: { id: string }) => event.id)).toEqual(
      before.body.items.map((event: { id: string }) => event.id),
    );
  });

  it('moves the sandbox clock forward', async () => {
    const before = sandbox().clock.now().getTime();

    const moved = await control('/clock', { method: 'POST', body: { advance_seconds: 60 } });

    expect(Date.parse(moved.body.now) - before).toBeGreaterThanOrEqual(60_000);
  });
});
