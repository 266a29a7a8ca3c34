import { describe, expect, it } from 'vitest';
import * as google from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import { call, useTestSandbox, type TestSandbox } from './helpers/start-test-sandbox';

const alex = 'alex@sandbox.example';

async function signIn(sandbox: TestSandbox, user: string): Promise<OAuth2Client> {
  const tokens = await call(`${sandbox.url}/sandbox/tokens`, {
    method: 'POST',
    body: { provider: 'google', user },
  });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: tokens.body.access_token as string });
  return auth;
}

/**
 * googleapis configured as the agent configures it: the ready line's root_url as the API-wide rootUrl.
 * googleapis then sends /calendar/v3/... (no /google), so the sandbox server must route that path to Google.
 */
async function calendarAs(sandbox: TestSandbox, user: string): Promise<calendar_v3.Calendar> {
  return google.calendar({
    version: 'v3',
    rootUrl: sandbox.info.google.root_url,
    auth: await signIn(sandbox, user),
  });
}

/**
 * googleapis with root_url given per call: an API-wide rootUrl keeps only its origin (googleapis-common
 * resolves `new URL(path, rootUrl)`), a per-call one keeps its path, so these calls reach /google/calendar/v3.
 */
async function perCallCalendarAs(sandbox: TestSandbox, user: string) {
  const client = google.calendar({ version: 'v3', auth: await signIn(sandbox, user) });
  const options = { rootUrl: sandbox.info.google.root_url };
  return {
    calendarList: () => client.calendarList.list({}, options),
    listEvents: (params: calendar_v3.Params$Resource$Events$List) => client.events.list(params, options),
    insertEvent: (params: calendar_v3.Params$Resource$Events$Insert) => client.events.insert(params, options),
  };
}

describe('Google stand-in inside the whole sandbox', () => {
  const sandbox = useTestSandbox({ seed: 'demo' });

  it('serves the demo calendars to googleapis at the ready line’s root_url with a token from /sandbox/tokens', async () => {
    const calendar = await calendarAs(sandbox(), alex);

    const { data } = await calendar.calendarList.list();

    expect(data.items?.map((entry) => entry.summary)).toEqual([alex, 'Team room bookings']);
  });

  it('writes and syncs events over HTTPS and counts them in /sandbox/stats by route pattern', async () => {
    const calendar = await perCallCalendarAs(sandbox(), alex);
    const token = (await calendar.listEvents({ calendarId: 'primary' })).data.nextSyncToken!;
    await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });

    await calendar.insertEvent({
      calendarId: 'primary',
      requestBody: {
        id: 'viasandb001',
        summary: 'Through the sandbox',
        start: { dateTime: '2030-01-07T09:00:00Z' },
        end: { dateTime: '2030-01-07T10:00:00Z' },
      },
    });
    const changes = await calendar.listEvents({ calendarId: 'primary', syncToken: token });
    const stats = await call(`${sandbox().url}/sandbox/stats`);

    expect(changes.data.items?.map((event) => event.id)).toEqual(['viasandb001']);
    expect(stats.body.requests).toEqual(
      expect.arrayContaining([
        { service: 'google', method: 'POST', route: '/calendar/v3/calendars/:calendarId/events', count: 1 },
        { service: 'google', method: 'GET', route: '/calendar/v3/calendars/:calendarId/events', count: 1 },
      ]),
    );
  });

  it('answers 401 once the user’s grant is revoked', async () => {
    const calendar = await perCallCalendarAs(sandbox(), 'sam@sandbox.example');
    await calendar.calendarList();

    await call(`${sandbox().url}/sandbox/revoke`, {
      method: 'POST',
      body: { provider: 'google', user: 'sam@sandbox.example' },
    });
    const error = await calendar.calendarList().catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401 });
  });
});
