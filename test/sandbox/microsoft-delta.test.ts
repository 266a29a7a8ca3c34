import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { failure, jordan, riley, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

interface DeltaRow {
  id: string;
  subject?: string;
  type?: string;
  '@removed'?: { reason: string };
}

interface Round {
  rows: DeltaRow[];
  pages: number;
  deltaLink: string;
  nextLinks: string[];
}

/** Follows nextLinks to the end of a round, as the agent does. */
async function round(client: Client, firstUrl: string, pageSize?: number): Promise<Round> {
  const rows: DeltaRow[] = [];
  const nextLinks: string[] = [];
  let url = firstUrl;
  for (let pages = 1; ; pages++) {
    let request = client.api(url);
    if (pageSize) request = request.header('Prefer', `odata.maxpagesize=${pageSize}`);
    const page = await request.get();
    rows.push(...page.value);
    if (page['@odata.deltaLink']) return { rows, pages, deltaLink: page['@odata.deltaLink'], nextLinks };
    nextLinks.push(page['@odata.nextLink']);
    url = page['@odata.nextLink'];
  }
}

function event(subject: string, day: string): Record<string, unknown> {
  return {
    subject,
    start: { dateTime: `${day}T09:00:00`, timeZone: 'UTC' },
    end: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' },
  };
}

describe('Graph stand-in: calendarView delta', () => {
  let world: GraphTestWorld;
  let client: Client;
  let calendarId: string;
  let deltaPath: string;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
    client = world.clientFor(jordan);
    calendarId = (await client.api('/me/calendars').get()).value[0].id;
    deltaPath = `/me/calendars/${calendarId}/calendarView/delta?startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-06-30T00:00:00Z`;
  });
  afterAll(() => world.close());

  it('pages a first round with absolute https nextLinks and ends it with a deltaLink', async () => {
    const first = await round(client, deltaPath, 4);

    expect(first.pages).toBeGreaterThan(2);
    expect(
      first.nextLinks.every((link) =>
        /^https:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0\/me\/calendars\/.+\/calendarView\/delta\?\$skiptoken=/.test(
          link,
        ),
      ),
    ).toBe(true);
    expect(first.deltaLink).toMatch(/\/calendarView\/delta\?\$deltatoken=/);
    const planning = first.rows.filter((r) => r.subject?.startsWith('Weekly planning'));
    expect(planning.map((r) => r.type)).toEqual(['occurrence', 'exception', ...Array(9).fill('occurrence')]);
    expect(first.rows.some((r) => r.type === 'seriesMaster')).toBe(false);
    expect(new Set(first.rows.map((r) => r.id)).size).toBe(first.rows.length);
  });

  it('returns nothing in a round where nothing changed', async () => {
    const first = await round(client, deltaPath);

    const second = await round(client, first.deltaLink);

    expect(second.rows).toEqual([]);
    expect(second.deltaLink).not.toBe(first.deltaLink);
  });

  it('returns created and updated instances and @removed rows for deleted ones in the next round', async () => {
    const first = await round(client, deltaPath);
    const created = await client
      .api(`/me/calendars/${calendarId}/events`)
      .post(event('New in window', '2025-04-02'));
    const toUpdate = first.rows.find((r) => r.subject === 'Project sync')!;
    await client.api(`/me/events/${toUpdate.id}`).patch({ subject: 'Project sync (renamed)' });
    const toDelete = first.rows.find((r) => r.subject === 'Dentist')!;
    await client.api(`/me/events/${toDelete.id}`).delete();

    const second = await round(client, first.deltaLink);

    expect(second.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: created.id, subject: 'New in window' }),
        expect.objectContaining({ id: toUpdate.id, subject: 'Project sync (renamed)' }),
        { '@odata.type': '#microsoft.graph.event', id: toDelete.id, '@removed': { reason: 'deleted' } },
      ]),
    );
    expect(second.rows).toHaveLength(3);
  });

  it('reports a cancelled occurrence as removed and a moved one as changed', async () => {
    const first = await round(client, deltaPath);
    const occurrences = first.rows.filter((r) => r.type === 'occurrence' && r.subject === 'Weekly planning');
    await client.api(`/me/events/${occurrences[2]!.id}`).delete();
    await client.api(`/me/events/${occurrences[3]!.id}`).patch({ subject: 'Weekly planning (special)' });

    const second = await round(client, first.deltaLink);

    expect(second.rows).toEqual([
      expect.objectContaining({
        id: occurrences[3]!.id,
        type: 'exception',
        subject: 'Weekly planning (special)',
      }),
      expect.objectContaining({ id: occurrences[2]!.id, '@removed': { reason: 'deleted' } }),
    ]);
  });

  it('leaves out events outside the window and events of other calendars', async () => {
    const first = await round(client, deltaPath);
    const [, second] = (await client.api('/me/calendars').get()).value;
    await client.api(`/me/calendars/${calendarId}/events`).post(event('Far future', '2026-01-05'));
    await client.api(`/me/calendars/${second.id}/events`).post(event('Other calendar', '2025-04-03'));

    const next = await round(client, first.deltaLink);

    expect(next.rows).toEqual([]);
  });

  it('answers 410 SyncStateNotFound to an unknown delta token', async () => {
    const first = await round(client, deltaPath);
    const unknownLink = first.deltaLink.replace(/\$deltatoken=[^&]+/, '$deltatoken=forgotten');

    const error = await failure(client.api(unknownLink).get());

    expect(error).toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
  });

  it("answers 410 to a delta token used by another user, and 404 for another user's calendar", async () => {
    const own = await round(
      client,
      '/me/calendarView/delta?startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-04-01T00:00:00Z',
    );
    const byId = await round(client, deltaPath);

    const sameShape = await failure(world.clientFor(riley).api(own.deltaLink).get());
    const otherCalendar = await failure(world.clientFor(riley).api(byId.deltaLink).get());

    expect(sameShape).toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
    expect(otherCalendar).toMatchObject({ statusCode: 404 });
  });

  it('refuses $expand on delta, as Graph does', async () => {
    const error = await failure(client.api(deltaPath).expand('singleValueExtendedProperties').get());

    expect(error).toMatchObject({ statusCode: 400, code: 'ErrorInvalidUrlQuery' });
  });

  it('answers the default calendar at /me/calendarView/delta too', async () => {
    const viaDefault = await round(
      client,
      '/me/calendarView/delta?startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-06-30T00:00:00Z',
    );
    const viaId = await round(client, deltaPath);

    expect(viaDefault.rows.map((r) => r.id).sort()).toEqual(viaId.rows.map((r) => r.id).sort());
  });

  it('lets a round continue from the same nextLink twice (a retried page)', async () => {
    const page = await client.api(deltaPath).header('Prefer', 'odata.maxpagesize=2').get();

    const once = await client.api(page['@odata.nextLink']).header('Prefer', 'odata.maxpagesize=2').get();
    const twice = await client.api(page['@odata.nextLink']).header('Prefer', 'odata.maxpagesize=2').get();

    expect(twice.value.map((r: DeltaRow) => r.id)).toEqual(once.value.map((r: DeltaRow) => r.id));
  });
});
