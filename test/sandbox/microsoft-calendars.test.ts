import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { failure, jordan, riley, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

describe('Graph stand-in: sign-in and calendars', () => {
  let world: GraphTestWorld;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
  });
  afterAll(() => world.close());

  it('lists the default calendar "Calendar" and the demo calendar of the signed-in user', async () => {
    const client = world.clientFor(jordan);

    const calendars = await client.api('/me/calendars').get();

    const names = calendars.value.map((c: { name: string }) => c.name);
    expect(names).toEqual(['Calendar', 'Team Events']);
    expect(calendars.value[0]).toMatchObject({ isDefaultCalendar: true, owner: { address: jordan } });
  });

  it('gets one calendar by id, and the default one at /me/calendar', async () => {
    const client = world.clientFor(riley);
    const [first] = (await client.api('/me/calendars').get()).value;

    const byId = await client.api(`/me/calendars/${first.id}`).get();
    const byAlias = await client.api('/me/calendar').get();

    expect(byId.id).toBe(first.id);
    expect(byAlias.id).toBe(first.id);
  });

  it("keeps mailboxes apart: one user cannot read another user's calendar", async () => {
    const [jordansCalendar] = (await world.clientFor(jordan).api('/me/calendars').get()).value;

    const attempt = await failure(world.clientFor(riley).api(`/me/calendars/${jordansCalendar.id}`).get());

    expect(attempt).toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound' });
  });

  it("answers 401 InvalidAuthenticationToken in Graph's error format without a token", async () => {
    const response = await fetch(`${world.graphUrl}/v1.0/me/calendars`);

    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string; innerError: unknown } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.message).toMatch(/empty/i);
    expect(body.error.innerError).toMatchObject({
      date: expect.any(String),
      'request-id': expect.any(String),
    });
  });

  it('refuses an unknown token and a token of the Google side with 401', async () => {
    const unknown = await failure(world.clientFor(jordan, { token: 'nonsense' }).api('/me/calendars').get());
    const google = await failure(
      world
        .clientFor(jordan, { token: `google-${jordan}` })
        .api('/me/calendars')
        .get(),
    );

    expect(unknown).toBeInstanceOf(GraphError);
    expect(unknown).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
    expect(google).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });

  it('creates a calendar and refuses a second one with the same name', async () => {
    const client = world.clientFor(riley);

    const created = await client.api('/me/calendars').post({ name: 'Lab bookings' });
    const again = await failure(client.api('/me/calendars').post({ name: 'Lab bookings' }));

    expect(created).toMatchObject({ name: 'Lab bookings', isDefaultCalendar: false });
    expect(again).toMatchObject({ statusCode: 409 });
  });
});
