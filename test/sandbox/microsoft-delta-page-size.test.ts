import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { jordan, startGraphWorld, type GraphTestWorld } from './microsoft-world';

/** More events than the largest calendarView page Graph documents (`$top` 1 to 1000). */
const events = 1005;

describe('Graph stand-in: delta page size', () => {
  let world: GraphTestWorld;
  let client: Client;
  let deltaPath: string;
  beforeAll(async () => {
    world = await startGraphWorld('empty');
    client = world.clientFor(jordan);
    const calendarId = (await client.api('/me/calendars').get()).value[0].id as string;
    deltaPath = `/me/calendars/${calendarId}/calendarView/delta?startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-06-30T00:00:00Z`;
    for (let first = 0; first < events; first += 20) {
      const requests = Array.from({ length: Math.min(20, events - first) }, (_, index) => {
        const day = new Date(Date.UTC(2025, 2, 6) + Math.floor((first + index) / 10) * 86_400_000);
        const start = `${day.toISOString().slice(0, 10)}T${String(8 + ((first + index) % 10)).padStart(2, '0')}:00:00`;
        return {
          id: String(index + 1),
          method: 'POST',
          url: `/me/calendars/${calendarId}/events`,
          headers: { 'Content-Type': 'application/json' },
          // One after another: items run side by side would take more than the mailbox's 4 slots.
          ...(index > 0 ? { dependsOn: [String(index)] } : {}),
          body: {
            subject: `Event ${first + index}`,
            start: { dateTime: start, timeZone: 'UTC' },
            end: { dateTime: start.replace(/:00:00$/, ':30:00'), timeZone: 'UTC' },
          },
        };
      });
      const answer = await client.api('/$batch').post({ requests });
      expect((answer.responses as { status: number }[]).every((r) => r.status === 201)).toBe(true);
    }
  });
  afterAll(() => world.close());

  async function page(url: string, maxPageSize: number) {
    const response = await world.fetchAs(jordan, url, {
      headers: { Prefer: `odata.maxpagesize=${maxPageSize}` },
    });
    const body = (await response.json()) as {
      value: { id: string }[];
      '@odata.nextLink'?: string;
      '@odata.deltaLink'?: string;
    };
    return { body, applied: response.headers.get('preference-applied') };
  }

  it('gives at most 1,000 rows a page however many are asked for, and says which size it applied', async () => {
    const first = await page(deltaPath, 5000);
    const second = await page(first.body['@odata.nextLink']!, 5000);

    expect(first.body.value).toHaveLength(1000);
    expect(first.applied).toBe('odata.maxpagesize=1000');
    expect(second.body.value).toHaveLength(events - 1000);
    expect(second.body['@odata.deltaLink']).toBeDefined();
    const ids = new Set([...first.body.value, ...second.body.value].map((row) => row.id));
    expect(ids.size).toBe(events);
  });

  it('honours a page size up to 1,000 as asked', async () => {
    const first = await page(deltaPath, 1000);
    const small = await page(deltaPath, 300);

    expect(first.body.value).toHaveLength(1000);
    expect(first.applied).toBe('odata.maxpagesize=1000');
    expect(small.body.value).toHaveLength(300);
    expect(small.applied).toBe('odata.maxpagesize=300');
  });
});
