import { describe, expect, it } from 'vitest';
import { Client } from '@microsoft/microsoft-graph-client';
import * as google from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import { SandboxClock } from '../../sandbox/core/clock';
import { call, useTestSandbox, type TestSandbox } from './helpers/start-test-sandbox';

const START = Date.parse('2026-03-02T09:00:00Z');
const DAY_S = 86_400;

async function accessToken(sandbox: TestSandbox, provider: 'google' | 'microsoft', user: string) {
  const tokens = await call(`${sandbox.url}/sandbox/tokens`, { method: 'POST', body: { provider, user } });
  return tokens.body.access_token as string;
}

describe('the sandbox clock (GET/POST /sandbox/clock) drives every service’s timestamps', () => {
  // Real time stands still in this sandbox, so every time below is exact.
  const sandbox = useTestSandbox({ seed: 'empty', clock: new SandboxClock(() => START) });
  const clock = (init: Parameters<typeof call>[1] = {}) => call(`${sandbox().url}/sandbox/clock`, init);

  it('tells the time, and the time it was moved to', async () => {
    const before = await clock();
    const moved = await clock({ method: 'POST', body: { advance_seconds: 2 * DAY_S } });
    const after = await clock();

    expect(before.body).toEqual({ now: '2026-03-02T09:00:00.000Z' });
    expect(moved.body).toEqual({ now: '2026-03-04T09:00:00.000Z' });
    expect(after.body).toEqual(moved.body);
  });

  it("stamps Sched's created_at and updated_at from it", async () => {
    const { now } = (await clock({ method: 'POST', body: { advance_seconds: DAY_S } })).body;
    const api = (path: string, init: Parameters<typeof call>[1]) =>
      call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
    const created = await api('/bookings', {
      method: 'POST',
      body: {
        resource_id: 'rsc_meeting_room_a',
        title: 'Planning',
        start: '2026-04-01T10:00:00Z',
        end: '2026-04-01T11:00:00Z',
      },
    });
    const later = (await clock({ method: 'POST', body: { advance_seconds: 3600 } })).body.now;
    const updated = await api(`/bookings/${created.body.id}`, {
      method: 'PUT',
      body: { title: 'Planning 2' },
    });

    expect(created.body.created_at).toBe(now.replace('.000Z', 'Z'));
    expect(updated.body.created_at).toBe(now.replace('.000Z', 'Z'));
    expect(updated.body.updated_at).toBe(later.replace('.000Z', 'Z'));
  });

  it("stamps Google's updated from it, as googleapis reads it", async () => {
    const { now } = (await clock({ method: 'POST', body: { advance_seconds: DAY_S } })).body;
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: await accessToken(sandbox(), 'google', 'alex@sandbox.example') });
    const calendar = google.calendar({ version: 'v3', rootUrl: sandbox().info.google.root_url, auth });

    const { data } = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Clocked',
        start: { dateTime: '2026-04-02T10:00:00Z' },
        end: { dateTime: '2026-04-02T11:00:00Z' },
      },
    });

    expect(data.updated).toBe(now);
    expect(data.created).toBe(now);
  });

  it("stamps Graph's createdDateTime and lastModifiedDateTime from it, as the Graph client reads them", async () => {
    const { now } = (await clock({ method: 'POST', body: { advance_seconds: DAY_S } })).body;
    const token = await accessToken(sandbox(), 'microsoft', 'jordan@sandbox.example');
    const client = Client.init({
      authProvider: (done) => done(null, token),
      baseUrl: sandbox().info.microsoft.graph_url,
      customHosts: new Set([new URL(sandbox().url).hostname]),
    });

    const event = await client.api('/me/events').post({
      subject: 'Clocked',
      start: { dateTime: '2026-04-03T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-04-03T11:00:00', timeZone: 'UTC' },
    });

    expect(Date.parse(event.lastModifiedDateTime)).toBe(Date.parse(now));
    expect(Date.parse(event.createdDateTime)).toBe(Date.parse(now));
  });
});
