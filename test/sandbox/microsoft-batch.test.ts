import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';
import { jordan, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { id?: string; subject?: string; error?: { code: string } };
}

function createRequest(
  id: string,
  subject: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    method: 'POST',
    url: '/me/events',
    headers: { 'Content-Type': 'application/json' },
    body: {
      subject,
      start: { dateTime: '2025-03-20T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2025-03-20T10:00:00', timeZone: 'UTC' },
    },
    ...extra,
  };
}

async function batch(client: Client, requests: unknown[]): Promise<BatchResponse[]> {
  return (await client.api('/$batch').post({ requests })).responses;
}

describe('Graph stand-in: $batch', () => {
  let world: GraphTestWorld;
  let client: Client;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
    client = world.clientFor(jordan);
  });
  afterAll(() => world.close());

  it('runs requests of different kinds and answers each with its id, status, headers and body', async () => {
    const [calendar] = (await client.api('/me/calendars').get()).value;

    const responses = await batch(client, [
      createRequest('create', 'Batched'),
      { id: 'calendar', method: 'GET', url: `/me/calendars/${calendar.id}` },
      { id: 'missing', method: 'GET', url: '/me/events/AAMkAGEvtnothere' },
    ]);

    const byId = Object.fromEntries(responses.map((r) => [r.id, r]));
    expect(byId.create).toMatchObject({ status: 201, body: { subject: 'Batched' } });
    expect(byId.create!.headers['Content-Type']).toMatch(/application\/json/);
    expect(byId.calendar).toMatchObject({ status: 200, body: { id: calendar.id } });
    expect(byId.missing).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
  });

  it("works with the SDK's BatchRequestContent and BatchResponseContent", async () => {
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${world.graphUrl}/v1.0/me/calendars`, { method: 'GET' }) },
      {
        id: '2',
        request: new Request(`${world.graphUrl}/v1.0/me/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            subject: 'From SDK batch',
            start: { dateTime: '2025-03-21T09:00:00', timeZone: 'UTC' },
            end: { dateTime: '2025-03-21T10:00:00', timeZone: 'UTC' },
          }),
        }),
      },
    ]);

    const raw = await client.api('/$batch').post(await content.getContent());
    const parsed = new BatchResponseContent(raw);

    expect(parsed.getResponseById('1').status).toBe(200);
    expect(parsed.getResponseById('2').status).toBe(201);
    expect(((await parsed.getResponseById('2').json()) as { subject: string }).subject).toBe(
      'From SDK batch',
    );
  });

  it('refuses more than 20 requests with 400 and runs none of them', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => createRequest(String(i), `Too many ${i}`));

    const refused = await world.fetchAs(jordan, '/$batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    const created = await client.api('/me/events').filter("subject eq 'Too many 0'").get();

    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
    expect(created.value).toHaveLength(0);
  });

  it('throttles the fifth parallel request to one mailbox with 429 and Retry-After', async () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/me/calendars',
    }));

    const responses = await batch(client, requests);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(responses[4]!.headers['Retry-After']).toBe('1');
    expect(responses[4]!.body?.error?.code).toBe('ApplicationThrottled');
  });

  it('runs a dependsOn chain one request at a time, so twenty of them all succeed', async () => {
    const requests = Array.from({ length: 20 }, (_, i) =>
      createRequest(String(i), `Chained ${i}`, i === 0 ? {} : { dependsOn: [String(i - 1)] }),
    );

    const responses = await batch(client, requests);

    expect(responses.every((r) => r.status === 201)).toBe(true);
  });

  it('answers 424 to a request whose dependency failed', async () => {
    const responses = await batch(client, [
      { id: 'a', method: 'GET', url: '/me/events/AAMkAGEvtnothere' },
      { id: 'b', method: 'DELETE', url: '/me/events/AAMkAGEvtnothere', dependsOn: ['a'] },
    ]);

    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['a', 404],
      ['b', 424],
    ]);
  });

  it('creates with a transactionId once: a batch sent again answers each with the event made the first time', async () => {
    const requests = Array.from({ length: 3 }, (_, i) =>
      createRequest(String(i + 1), `Once ${i}`, {
        ...(i === 0 ? {} : { dependsOn: [String(i)] }),
        body: {
          subject: `Once ${i}`,
          transactionId: `batch-once-${i}`,
          start: { dateTime: '2025-03-21T09:00:00', timeZone: 'UTC' },
          end: { dateTime: '2025-03-21T10:00:00', timeZone: 'UTC' },
        },
      }),
    );

    const first = await batch(client, requests);
    const again = await batch(client, requests);
    const all = (await client.api('/me/events').top(999).get()).value as { subject: string }[];
    const listed = all.filter((e) => e.subject.startsWith('Once '));

    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(again.map((r) => r.body?.id)).toEqual(first.map((r) => r.body?.id));
    expect(listed).toHaveLength(3);
  });

  it('answers 400 inside the batch to a write without a Content-Type header', async () => {
    const request = createRequest('w', 'No type');
    delete request.headers;

    const [response] = await batch(client, [request]);

    expect(response).toMatchObject({ id: 'w', status: 400 });
  });
});

describe('Graph stand-in: mailbox concurrency', () => {
  let world: GraphTestWorld;
  beforeAll(async () => {
    world = await startGraphWorld('empty', { latencyMs: 300 });
  });
  afterAll(() => world.close());

  it('answers 429 ApplicationThrottled to the fifth request in flight for a mailbox, not to other mailboxes', async () => {
    const mine = Array.from({ length: 6 }, () => world.fetchAs(jordan, '/me/calendars'));
    const other = world.fetchAs('riley@sandbox.example', '/me/calendars');

    const responses = await Promise.all(mine);
    const otherResponse = await other;

    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const throttled = responses.find((r) => r.status === 429)!;
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('ApplicationThrottled');
    expect(otherResponse.status).toBe(200);
  });

  it("lets the Graph client's retry handler get through after Retry-After", async () => {
    const client = world.clientFor(jordan, { retries: true });

    const results = await Promise.all(Array.from({ length: 6 }, () => client.api('/me/calendars').get()));

    expect(results.every((r) => r.value[0].name === 'Calendar')).toBe(true);
  });
});

describe('Graph stand-in: requests per ten minutes', () => {
  let world: GraphTestWorld;
  beforeAll(async () => {
    world = await startGraphWorld('empty', { maxRequestsPerTenMinutes: 3 });
  });
  afterAll(() => world.close());

  it('answers 429 past the mailbox budget with a Retry-After until the window ends, then serves again', async () => {
    for (let i = 0; i < 3; i++) await world.fetchAs(jordan, '/me/calendars');

    const over = await world.fetchAs(jordan, '/me/calendars');
    world.clock.advance(10 * 60 * 1000);
    const later = await world.fetchAs(jordan, '/me/calendars');

    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('600');
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect(later.status).toBe(200);
  });
});
