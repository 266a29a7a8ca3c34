import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { failure, jordan, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

const WINDOW = 'startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-04-30T00:00:00Z';

interface GraphEvent {
  id: string;
  subject: string;
  showAs: string;
  isCancelled: boolean;
  isOrganizer: boolean;
  responseStatus: { response: string; time: string };
  organizer: { emailAddress: { address: string } };
  attendees: { status: { response: string }; emailAddress: { address: string } }[];
}

/** Every row of a delta round, following nextLinks to the deltaLink. */
async function deltaRound(client: Client, url: string): Promise<{ rows: GraphEvent[]; deltaLink: string }> {
  const rows: GraphEvent[] = [];
  for (let next = url; ;) {
    const page = await client.api(next).get();
    rows.push(...page.value);
    if (page['@odata.deltaLink']) return { rows, deltaLink: page['@odata.deltaLink'] };
    next = page['@odata.nextLink'];
  }
}

describe('Graph stand-in: showAs, responseStatus and isCancelled', () => {
  let world: GraphTestWorld;
  let client: Client;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
    client = world.clientFor(jordan);
  });
  afterAll(() => world.close());

  const bySubject = (events: GraphEvent[], subject: string) => events.find((e) => e.subject === subject)!;
  const view = async () =>
    (await client.api(`/me/calendarView?${WINDOW}&$top=200`).get()).value as GraphEvent[];

  it('seeds free, working-elsewhere, out-of-office, tentative, declined and cancelled items', async () => {
    const events = await view();

    expect(bySubject(events, 'Company offsite').showAs).toBe('free');
    expect(bySubject(events, 'Dentist').showAs).toBe('oof');
    expect(bySubject(events, 'Working from the Lisbon office').showAs).toBe('workingElsewhere');
    expect(bySubject(events, 'Partner roadmap')).toMatchObject({
      showAs: 'tentative',
      isOrganizer: false,
      responseStatus: { response: 'tentativelyAccepted', time: '2025-03-05T12:00:00.0000000Z' },
      organizer: { emailAddress: { address: 'pat@partner.example' } },
    });
    expect(bySubject(events, 'Vendor pitch').responseStatus.response).toBe('declined');
    expect(bySubject(events, 'Vendor pitch').attendees).toContainEqual(
      expect.objectContaining({ status: expect.objectContaining({ response: 'declined' }) }),
    );
    expect(bySubject(events, 'Canceled: Budget review').isCancelled).toBe(true);
    expect(bySubject(events, 'Project sync')).toMatchObject({
      isOrganizer: true,
      isCancelled: false,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    });
  });

  it('shows the same fields in /me/events, calendarView delta and $batch', async () => {
    const listed = (await client.api('/me/events?$top=200').get()).value as GraphEvent[];
    const delta = await deltaRound(client, `/me/calendarView/delta?${WINDOW}`);
    const declined = bySubject(listed, 'Vendor pitch');
    const batched = await client.api('/$batch').post({
      requests: [{ id: '1', method: 'GET', url: `/me/events/${declined.id}` }],
    });
    const pick = (e: GraphEvent) => [e.showAs, e.isCancelled, e.responseStatus.response];

    expect(pick(declined)).toEqual(['busy', false, 'declined']);
    expect(pick(bySubject(delta.rows, 'Vendor pitch'))).toEqual(pick(declined));
    expect(pick(bySubject(delta.rows, 'Canceled: Budget review'))).toEqual(['busy', true, 'accepted']);
    expect(pick(batched.responses[0].body)).toEqual(pick(declined));
  });

  it('changes showAs with PATCH and reports it in the next delta round', async () => {
    const first = await deltaRound(client, `/me/calendarView/delta?${WINDOW}`);
    const sync = bySubject(first.rows, 'Project sync');

    await client.api(`/me/events/${sync.id}`).patch({ showAs: 'free' });
    const next = await deltaRound(client, first.deltaLink);

    expect(next.rows.map((e) => [e.subject, e.showAs])).toEqual([['Project sync', 'free']]);
  });

  it('records accept, tentativelyAccept and decline with their time, and delta sees each', async () => {
    const first = await deltaRound(client, `/me/calendarView/delta?${WINDOW}`);
    const roadmap = bySubject(first.rows, 'Partner roadmap');
    world.clock.advance(3_600_000);

    const declined = await world.fetchAs(jordan, `/me/events/${roadmap.id}/decline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'Clash', sendResponse: false }),
    });
    const afterDecline = await deltaRound(client, first.deltaLink);
    await client.api(`/me/events/${roadmap.id}/accept`).post({});
    const read = (await client.api(`/me/events/${roadmap.id}`).get()) as GraphEvent;

    expect(declined.status).toBe(202);
    expect(await declined.text()).toBe('');
    expect(afterDecline.rows.map((e) => [e.subject, e.responseStatus])).toEqual([
      ['Partner roadmap', { response: 'declined', time: '2025-03-05T13:00:00.0000000Z' }],
    ]);
    expect(read.responseStatus.response).toBe('accepted');
    expect(read.attendees.find((a) => a.emailAddress.address === jordan)?.status.response).toBe('accepted');
  });

  it('refuses to answer a meeting the owner organised, and changes nothing', async () => {
    const sync = bySubject(await view(), 'Project sync');

    const refused = await failure(client.api(`/me/events/${sync.id}/decline`).post({}));
    const read = (await client.api(`/me/events/${sync.id}`).get()) as GraphEvent;

    expect(refused.statusCode).toBe(400);
    expect(read.responseStatus.response).toBe('organizer');
  });

  it('refuses an unknown showAs with 400', async () => {
    const refused = await failure(
      client.api('/me/events').post({
        subject: 'Odd',
        showAs: 'away',
        start: { dateTime: '2025-03-20T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2025-03-20T10:00:00', timeZone: 'UTC' },
      }),
    );

    expect(refused.statusCode).toBe(400);
  });
});
