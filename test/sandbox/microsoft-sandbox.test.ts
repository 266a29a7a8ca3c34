import { describe, expect, it } from 'vitest';
import { Client } from '@microsoft/microsoft-graph-client';
import { call, startTestSandbox, useTestSandbox } from './helpers/start-test-sandbox';
import type { TestSandbox } from './helpers/start-test-sandbox';
import { failure } from './microsoft-world';

const jordan = 'jordan@sandbox.example';

async function signIn(sandbox: TestSandbox, user = jordan): Promise<string> {
  const tokens = await call(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: { provider: 'microsoft', user },
  });
  return tokens.body.access_token as string;
}

function graph(sandbox: TestSandbox, token: string): Client {
  return Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: sandbox.info.microsoft.graph_url,
    customHosts: new Set([new URL(sandbox.url).hostname]),
  });
}

describe('Graph stand-in inside the whole sandbox', () => {
  const sandbox = useTestSandbox({ seed: 'demo' });

  it('serves the demo mailbox to the Graph client with a token from /sandbox/tokens', async () => {
    const client = graph(sandbox(), await signIn(sandbox()));

    const calendars = await client.api('/me/calendars').get();

    expect(calendars.value.map((c: { name: string }) => c.name)).toEqual(['Calendar', 'Team Events']);
  });

  it('counts Graph requests in /sandbox/stats by route pattern', async () => {
    const client = graph(sandbox(), await signIn(sandbox()));
    await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });

    const [calendar] = (await client.api('/me/calendars').get()).value;
    await client
      .api(`/me/calendars/${calendar.id}/calendarView`)
      .query({ startDateTime: '2025-01-01T00:00:00Z', endDateTime: '2025-02-01T00:00:00Z' })
      .get();
    const stats = await call(`${sandbox().url}/sandbox/stats`);

    expect(stats.body.requests).toEqual(
      expect.arrayContaining([
        { service: 'microsoft', method: 'GET', route: '/v1.0/me/calendars', count: 1 },
        {
          service: 'microsoft',
          method: 'GET',
          route: '/v1.0/me/calendars/:calendarId/calendarView',
          count: 1,
        },
      ]),
    );
  });

  it('answers 401 to a Google token and to a Microsoft token after revocation', async () => {
    const googleTokens = await call(`${sandbox().url}/sandbox/tokens`, {
      method: 'POST',
      body: { provider: 'google', user: 'alex@sandbox.example' },
    });
    const riley = 'riley@sandbox.example';
    const rileyToken = await signIn(sandbox(), riley);
    await graph(sandbox(), rileyToken).api('/me/calendars').get();

    const withGoogle = await failure(
      graph(sandbox(), googleTokens.body.access_token).api('/me/calendars').get(),
    );
    await call(`${sandbox().url}/sandbox/revoke`, {
      method: 'POST',
      body: { provider: 'microsoft', user: riley },
    });
    const afterRevoke = await failure(graph(sandbox(), rileyToken).api('/me/calendars').get());

    expect(withGoogle).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
    expect(afterRevoke).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });
});

describe('Graph stand-in across a sandbox restart', () => {
  it('keeps events and delta tokens in the data dir', async () => {
    const first = await startTestSandbox({ seed: 'empty' });
    const client = graph(first, await signIn(first));
    const created = await client.api('/me/events').post({
      subject: 'Survives restart',
      start: { dateTime: '2025-06-02T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2025-06-02T10:00:00', timeZone: 'UTC' },
    });
    const round = await client
      .api('/me/calendarView/delta?startDateTime=2025-06-01T00:00:00Z&endDateTime=2025-07-01T00:00:00Z')
      .get();
    await first.close();

    const second = await startTestSandbox({ dataDir: first.dataDir });
    try {
      const again = graph(second, await signIn(second));
      const read = await again.api(`/me/events/${created.id}`).get();
      const next = await again.api(round['@odata.deltaLink'].replace(first.url, second.url)).get();

      expect(read.subject).toBe('Survives restart');
      expect(next.value).toEqual([]);
    } finally {
      await second.dispose();
    }
  });
});
