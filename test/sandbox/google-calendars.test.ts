import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alex, sam, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

describe('Google stand-in: calendars', () => {
  let world: GoogleTestWorld;
  beforeAll(async () => {
    world = await startGoogleTestServer('demo');
  });
  afterAll(() => world.close());

  it('lists only the signed-in user’s calendars, primary first', async () => {
    const calendar = world.calendarFor(alex);

    const { data } = await calendar.calendarList.list();

    expect(data.items?.map((entry) => entry.id)).toEqual([alex, 'alex.team@group.calendar.sandbox.example']);
    expect(data.items?.[0]).toMatchObject({ primary: true, summary: alex, accessRole: 'owner' });
    expect(data.items?.[1]?.summary).toBe('Team room bookings');
  });

  it('gets a calendar by id or as primary, with its time zone', async () => {
    const calendar = world.calendarFor(sam);

    const primary = await calendar.calendars.get({ calendarId: 'primary' });
    const byId = await calendar.calendars.get({ calendarId: sam });

    expect(primary.data).toMatchObject({ id: sam, summary: sam, timeZone: 'Europe/London' });
    expect(byId.data.id).toBe(sam);
  });

  it('answers 404 for another user’s calendar', async () => {
    const calendar = world.calendarFor(sam);

    const error = await calendar.calendars.get({ calendarId: alex }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 404 });
  });

  it('refuses a request without a valid Google token with 401 in Google’s error format', async () => {
    const calendar = world.calendarFor(alex, 'not-a-token');

    const error = (await calendar.calendarList.list().catch((e: unknown) => e)) as {
      status: number;
      response: { data: unknown };
    };

    expect(error.status).toBe(401);
    expect(error.response.data).toMatchObject({
      error: { code: 401, status: 'UNAUTHENTICATED', errors: [{ domain: 'global', reason: 'authError' }] },
    });
  });
});
