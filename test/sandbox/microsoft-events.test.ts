import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { failure, jordan, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

const TAG = 'String {66F5A359-4659-4830-9070-00047EC6AC6E} Name schedSyncBookingId';

function meeting(
  subject: string,
  day = '2025-03-10',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    subject,
    body: { contentType: 'text', content: `About ${subject}` },
    location: { displayName: 'Room 1' },
    start: { dateTime: `${day}T09:00:00`, timeZone: 'Pacific Standard Time' },
    end: { dateTime: `${day}T10:00:00`, timeZone: 'Pacific Standard Time' },
    ...extra,
  };
}

describe('Graph stand-in: events', () => {
  let world: GraphTestWorld;
  let client: Client;
  let calendarId: string;
  beforeAll(async () => {
    world = await startGraphWorld('empty');
    client = world.clientFor(jordan);
    calendarId = (await client.api('/me/calendars').get()).value[0].id;
  });
  afterAll(() => world.close());

  it('creates an event and reads it back by id, times in UTC by default', async () => {
    const created = await client.api(`/me/calendars/${calendarId}/events`).post(meeting('Intro call'));

    const read = await client.api(`/me/events/${created.id}`).get();

    expect(read).toMatchObject({
      id: created.id,
      subject: 'Intro call',
      type: 'singleInstance',
      isAllDay: false,
      isCancelled: false,
      showAs: 'busy',
      location: { displayName: 'Room 1' },
      start: { dateTime: '2025-03-10T16:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-03-10T17:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'Pacific Standard Time',
      seriesMasterId: null,
      createdDateTime: expect.stringMatching(/^2025-03-05T12:00:00/),
    });
    expect(read['@odata.etag']).toBe(`W/"${read.changeKey}"`);
  });

  it('returns bodies as HTML unless Prefer: outlook.body-content-type="text" asks for text, as Outlook does', async () => {
    const created = await client.api('/me/events').post(meeting('Body & soul'));

    const asHtml = await client.api(`/me/events/${created.id}`).get();
    const asText = await client
      .api(`/me/events/${created.id}`)
      .header('Prefer', 'outlook.body-content-type="text"')
      .get();

    expect(asHtml.body.contentType).toBe('html');
    expect(asHtml.body.content).toContain('About Body &amp; soul');
    expect(asText.body).toEqual({ contentType: 'text', content: 'About Body & soul' });
    expect(asText.bodyPreview).toBe('About Body & soul');
  });

  it('prints times in the zone asked for with Prefer: outlook.timezone', async () => {
    const created = await client.api('/me/events').post(meeting('Zoned'));

    const read = await client
      .api(`/me/events/${created.id}`)
      .header('Prefer', 'outlook.timezone="Europe/Berlin"')
      .get();

    expect(read.start).toEqual({ dateTime: '2025-03-10T17:00:00.0000000', timeZone: 'Europe/Berlin' });
  });

  it('reads the same event under its calendar, and not under another calendar', async () => {
    const other = await client.api('/me/calendars').post({ name: 'Other' });
    const created = await client.api(`/me/calendars/${calendarId}/events`).post(meeting('Scoped'));

    const underOwn = await client.api(`/me/calendars/${calendarId}/events/${created.id}`).get();
    const underOther = await failure(client.api(`/me/calendars/${other.id}/events/${created.id}`).get());

    expect(underOwn.id).toBe(created.id);
    expect(underOther).toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound' });
  });

  it('changes changeKey, etag and lastModifiedDateTime on every update', async () => {
    const created = await client.api('/me/events').post(meeting('Versioned'));
    world.clock.advance(60_000);

    const first = await client.api(`/me/events/${created.id}`).patch({ subject: 'Versioned 2' });
    const second = await client.api(`/me/events/${created.id}`).patch({ showAs: 'tentative' });

    expect(first.subject).toBe('Versioned 2');
    expect(second).toMatchObject({ subject: 'Versioned 2', showAs: 'tentative' });
    expect(new Set([created.changeKey, first.changeKey, second.changeKey]).size).toBe(3);
    expect(second['@odata.etag']).not.toBe(first['@odata.etag']);
    expect(first.lastModifiedDateTime).toMatch(/^2025-03-05T12:01:00/);
  });

  it('answers 412 to a PATCH or DELETE with a stale If-Match, and applies one with the current etag', async () => {
    const created = await client.api('/me/events').post(meeting('Guarded'));
    const updated = await client.api(`/me/events/${created.id}`).patch({ subject: 'Guarded 2' });

    const stalePatch = await failure(
      client
        .api(`/me/events/${created.id}`)
        .header('If-Match', created['@odata.etag'])
        .patch({ subject: 'lost update' }),
    );
    const staleDelete = await failure(
      client.api(`/me/events/${created.id}`).header('If-Match', created['@odata.etag']).delete(),
    );
    const fresh = await client
      .api(`/me/events/${created.id}`)
      .header('If-Match', updated['@odata.etag'])
      .patch({ subject: 'Guarded 3' });

    expect(stalePatch).toMatchObject({ statusCode: 412, code: 'ErrorIrresolvableConflict' });
    expect(staleDelete).toMatchObject({ statusCode: 412 });
    expect(fresh.subject).toBe('Guarded 3');
  });

  it('deletes an event: 204, then 404', async () => {
    const created = await client.api('/me/events').post(meeting('Doomed'));

    await client.api(`/me/events/${created.id}`).delete();
    const after = await failure(client.api(`/me/events/${created.id}`).get());

    expect(after).toMatchObject({ statusCode: 404 });
  });

  it('returns the first event, never a copy, when a create is retried with the same transactionId', async () => {
    const body = meeting('Retried', '2025-03-11', { transactionId: 'booking-42-connection-7' });

    const first = await client.api(`/me/calendars/${calendarId}/events`).post(body);
    const retry = await client.api(`/me/calendars/${calendarId}/events`).post(body);
    const list = await client.api(`/me/calendars/${calendarId}/events`).filter("subject eq 'Retried'").get();

    expect(retry.id).toBe(first.id);
    expect(list.value).toHaveLength(1);
    expect(first.transactionId).toBe('booking-42-connection-7');
  });

  it('stores single-value extended properties, hides them unless expanded, and finds events by them', async () => {
    const created = await client.api(`/me/calendars/${calendarId}/events`).post(
      meeting('Tagged', '2025-03-12', {
        singleValueExtendedProperties: [{ id: TAG, value: 'booking-1001' }],
      }),
    );
    await client.api(`/me/calendars/${calendarId}/events`).post(
      meeting('Tagged other', '2025-03-12', {
        singleValueExtendedProperties: [{ id: TAG, value: 'booking-1002' }],
      }),
    );

    const plain = await client.api(`/me/events/${created.id}`).get();
    const expanded = await client
      .api(`/me/events/${created.id}`)
      .expand(`singleValueExtendedProperties($filter=id eq '${TAG}')`)
      .get();
    const found = await client
      .api(`/me/calendars/${calendarId}/events`)
      .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${TAG}' and ep/value eq 'booking-1001')`)
      .get();

    expect(plain.singleValueExtendedProperties).toBeUndefined();
    expect(expanded.singleValueExtendedProperties).toEqual([
      { id: 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name schedSyncBookingId', value: 'booking-1001' },
    ]);
    expect(found.value.map((e: { id: string }) => e.id)).toEqual([created.id]);
  });

  it('updates an extended property through PATCH', async () => {
    const created = await client
      .api('/me/events')
      .post(
        meeting('Retagged', '2025-03-13', { singleValueExtendedProperties: [{ id: TAG, value: 'old' }] }),
      );

    await client
      .api(`/me/events/${created.id}`)
      .patch({ singleValueExtendedProperties: [{ id: TAG, value: 'new' }] });
    const found = await client
      .api('/me/events')
      .filter(`singleValueExtendedProperties/any(x: x/id eq '${TAG}' and x/value eq 'new')`)
      .expand(`singleValueExtendedProperties($filter=id eq '${TAG}')`)
      .get();

    expect(found.value).toHaveLength(1);
    expect(found.value[0].singleValueExtendedProperties[0].value).toBe('new');
  });

  it('creates an all-day event and refuses one that does not start at midnight', async () => {
    const allDay = await client.api('/me/events').post({
      subject: 'Holiday',
      isAllDay: true,
      start: { dateTime: '2025-03-14T00:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2025-03-15T00:00:00', timeZone: 'Pacific Standard Time' },
    });
    const wrong = await failure(
      client.api('/me/events').post({
        subject: 'Broken',
        isAllDay: true,
        start: { dateTime: '2025-03-14T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2025-03-15T00:00:00', timeZone: 'UTC' },
      }),
    );

    expect(allDay).toMatchObject({ isAllDay: true, start: { dateTime: '2025-03-14T00:00:00.0000000' } });
    expect(wrong).toMatchObject({ statusCode: 400 });
  });

  it('refuses bodies Graph would refuse: no start, an unknown property, an unknown time zone', async () => {
    const noStart = await failure(client.api('/me/events').post({ subject: 'x' }));
    const unknownProperty = await failure(
      client.api('/me/events').post(meeting('x', '2025-03-10', { colour: 'red' })),
    );
    const unknownZone = await failure(
      client.api('/me/events').post({
        subject: 'x',
        start: { dateTime: '2025-03-10T09:00:00', timeZone: 'Mars/Olympus' },
        end: { dateTime: '2025-03-10T10:00:00', timeZone: 'Mars/Olympus' },
      }),
    );

    expect(noStart).toMatchObject({ statusCode: 400 });
    expect(unknownProperty).toMatchObject({ statusCode: 400, code: 'RequestBodyRead' });
    expect(unknownZone).toMatchObject({ statusCode: 400, code: 'TimeZoneNotSupportedException' });
  });

  it('pages event lists ten at a time with an absolute https @odata.nextLink', async () => {
    const paged = await client.api('/me/calendars').post({ name: 'Paged' });
    for (let i = 0; i < 12; i++) {
      await client.api(`/me/calendars/${paged.id}/events`).post(meeting(`Item ${i}`, '2025-04-01'));
    }

    const first = await client.api(`/me/calendars/${paged.id}/events`).get();
    const second = await client.api(first['@odata.nextLink']).get();

    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0\//);
    expect(second.value).toHaveLength(2);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('tells the sandbox to save after each write', async () => {
    const before = world.saves();

    await client.api('/me/events').post(meeting('Saved'));

    expect(world.saves()).toBeGreaterThan(before);
  });
});

describe('Graph stand-in: $filter on event lists', () => {
  let world: GraphTestWorld;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
  });
  afterAll(() => world.close());

  it('combines clauses with and: a time range and an extended property', async () => {
    const client = world.clientFor(jordan);
    const tagged = (day: string, value: string) =>
      meeting(`Tagged ${day}`, day, { singleValueExtendedProperties: [{ id: TAG, value }] });
    await client.api('/me/events').post(tagged('2025-05-01', 'conn-1'));
    await client.api('/me/events').post(tagged('2025-05-20', 'conn-1'));
    await client.api('/me/events').post(tagged('2025-05-02', 'conn-2'));

    const found = await client
      .api('/me/events')
      .filter(
        `start/dateTime ge '2025-04-30T00:00:00' and start/dateTime lt '2025-05-10T00:00:00' and singleValueExtendedProperties/Any(ep: ep/id eq '${TAG}' and ep/value eq 'conn-1')`,
      )
      .get();

    expect(found.value.map((e: { subject: string }) => e.subject)).toEqual(['Tagged 2025-05-01']);
  });

  it('answers 400 to a filter the service does not understand, rather than ignoring it', async () => {
    const error = await failure(
      world.clientFor(jordan).api('/me/events').filter("contains(subject, 'x')").get(),
    );

    expect(error).toMatchObject({ statusCode: 400 });
  });
});
