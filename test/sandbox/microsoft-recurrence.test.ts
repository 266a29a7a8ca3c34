import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { failure, jordan, riley, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

interface ViewEvent {
  id: string;
  subject: string;
  type: string;
  seriesMasterId: string | null;
  start: { dateTime: string; timeZone: string };
  isAllDay: boolean;
  originalStart?: string;
}

async function view(
  client: Client,
  path: string,
  from: string,
  to: string,
  zone?: string,
): Promise<ViewEvent[]> {
  let request = client.api(path).query({ startDateTime: from, endDateTime: to }).top(100);
  if (zone) request = request.header('Prefer', `outlook.timezone="${zone}"`);
  return (await request.get()).value;
}

function weeklySeries(subject: string, startDate: string, count: number): Record<string, unknown> {
  return {
    subject,
    start: { dateTime: `${startDate}T09:00:00`, timeZone: 'Europe/Berlin' },
    end: { dateTime: `${startDate}T10:00:00`, timeZone: 'Europe/Berlin' },
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', startDate, numberOfOccurrences: count },
    },
  };
}

describe('Graph stand-in: demo seed through calendarView', () => {
  let world: GraphTestWorld;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
  });
  afterAll(() => world.close());

  it('shows a weekly series with one moved and one cancelled occurrence, an all-day event and single events', async () => {
    const client = world.clientFor(jordan);

    const events = await view(
      client,
      '/me/calendarView',
      '2025-03-05T00:00:00Z',
      '2025-04-05T00:00:00Z',
      'Pacific Standard Time',
    );

    const planning = events.filter((e) => e.subject.startsWith('Weekly planning'));
    expect(planning.map((e) => [e.type, e.start.dateTime.slice(0, 16)])).toEqual([
      ['occurrence', '2025-03-10T09:00'],
      ['exception', '2025-03-18T11:00'],
      ['occurrence', '2025-03-31T09:00'],
    ]);
    expect(planning[1]!.subject).toBe('Weekly planning (moved)');
    expect(new Set(planning.map((e) => e.seriesMasterId)).size).toBe(1);
    expect(events.some((e) => e.type === 'seriesMaster')).toBe(false);
    expect(events.find((e) => e.subject === 'Company offsite')).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2025-03-12T00:00:00.0000000' },
    });
    expect(events.filter((e) => e.type === 'singleInstance').map((e) => e.subject)).toEqual([
      'Project sync',
      'Partner roadmap',
      'Dentist',
      'Vendor pitch',
      'Working from the Lisbon office',
      'Canceled: Budget review',
      'Company offsite',
    ]);
  });

  it('gives each user a second calendar with its own events', async () => {
    const client = world.clientFor(riley);
    const [, second] = (await client.api('/me/calendars').get()).value;

    const events = await view(
      client,
      `/me/calendars/${second.id}/calendarView`,
      '2025-03-01T00:00:00Z',
      '2025-04-01T00:00:00Z',
    );

    expect(events.map((e) => e.subject)).toEqual(['Team lunch', 'Quarterly review']);
  });

  it('lists the series master, not its occurrences, under /events', async () => {
    const events = (await world.clientFor(jordan).api('/me/events').top(50).get()).value as ViewEvent[];

    const series = events.filter((e) => e.subject.startsWith('Weekly planning'));

    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({
      type: 'seriesMaster',
      recurrence: {
        pattern: { type: 'weekly', daysOfWeek: ['monday'] },
        range: { type: 'numbered', numberOfOccurrences: 12 },
      },
    });
  });
});

describe('Graph stand-in: recurring series', () => {
  let world: GraphTestWorld;
  let client: Client;
  beforeAll(async () => {
    world = await startGraphWorld('empty');
    client = world.clientFor(jordan);
  });
  afterAll(() => world.close());

  it('keeps occurrences at the same wall-clock time across a DST change', async () => {
    await client.api('/me/events').post(weeklySeries('Across DST', '2025-03-24', 2));

    const events = await view(client, '/me/calendarView', '2025-03-20T00:00:00Z', '2025-04-10T00:00:00Z');

    expect(events.map((e) => e.start.dateTime)).toEqual([
      '2025-03-24T08:00:00.0000000',
      '2025-03-31T07:00:00.0000000',
    ]);
    expect(events.every((e) => e.start.timeZone === 'UTC')).toBe(true);
  });

  it('turns a patched occurrence into an exception with the same id, leaving the others alone', async () => {
    const master = await client.api('/me/events').post(weeklySeries('Patched', '2025-05-05', 3));
    const [first, second] = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-05-01T00:00:00Z',
      '2025-06-01T00:00:00Z',
    );

    const patched = await client
      .api(`/me/events/${second!.id}`)
      .patch({ subject: 'Patched once', location: { displayName: 'Lab' } });
    const after = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-05-01T00:00:00Z',
      '2025-06-01T00:00:00Z',
    );

    expect(patched).toMatchObject({
      id: second!.id,
      type: 'exception',
      seriesMasterId: master.id,
      subject: 'Patched once',
    });
    expect(patched.originalStart).toBe('2025-05-12T07:00:00Z');
    expect(after.map((e) => [e.id, e.type, e.subject])).toEqual([
      [first!.id, 'occurrence', 'Patched'],
      [second!.id, 'exception', 'Patched once'],
      [after[2]!.id, 'occurrence', 'Patched'],
    ]);
  });

  it('moves an occurrence to another day when its start and end are patched', async () => {
    const master = await client.api('/me/events').post(weeklySeries('Moved', '2025-06-02', 2));
    const [first] = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-06-01T00:00:00Z',
      '2025-06-20T00:00:00Z',
    );

    await client.api(`/me/events/${first!.id}`).patch({
      start: { dateTime: '2025-06-03T14:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2025-06-03T15:00:00', timeZone: 'Europe/Berlin' },
    });
    const events = await view(
      client,
      '/me/calendarView',
      '2025-06-01T00:00:00Z',
      '2025-06-20T00:00:00Z',
      'Europe/Berlin',
    );

    expect(events.filter((e) => e.subject === 'Moved').map((e) => [e.type, e.start.dateTime])).toEqual([
      ['exception', '2025-06-03T14:00:00.0000000'],
      ['occurrence', '2025-06-09T09:00:00.0000000'],
    ]);
  });

  it('cancels one occurrence when it is deleted, and the whole series when the master is', async () => {
    const master = await client.api('/me/events').post(weeklySeries('Cancelled', '2025-07-07', 3));
    const [, second] = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-07-01T00:00:00Z',
      '2025-08-01T00:00:00Z',
    );

    await client.api(`/me/events/${second!.id}`).delete();
    const afterOne = await view(client, '/me/calendarView', '2025-07-01T00:00:00Z', '2025-08-01T00:00:00Z');
    const gone = await failure(client.api(`/me/events/${second!.id}`).get());
    await client.api(`/me/events/${master.id}`).delete();
    const afterAll = await view(client, '/me/calendarView', '2025-07-01T00:00:00Z', '2025-08-01T00:00:00Z');

    expect(afterOne.filter((e) => e.subject === 'Cancelled')).toHaveLength(2);
    expect(gone).toMatchObject({ statusCode: 404 });
    expect(afterAll.filter((e) => e.subject === 'Cancelled')).toHaveLength(0);
  });

  it("shows a master's new subject on its occurrences but not on its exceptions", async () => {
    const master = await client.api('/me/events').post(weeklySeries('Renamed', '2025-09-01', 2));
    const [first] = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-09-01T00:00:00Z',
      '2025-09-30T00:00:00Z',
    );
    await client.api(`/me/events/${first!.id}`).patch({ subject: 'Own subject' });

    await client.api(`/me/events/${master.id}`).patch({ subject: 'Renamed series' });
    const events = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-09-01T00:00:00Z',
      '2025-09-30T00:00:00Z',
    );

    expect(events.map((e) => e.subject)).toEqual(['Own subject', 'Renamed series']);
  });

  it('reads an occurrence by its id, with the series master id and its original start', async () => {
    const master = await client.api('/me/events').post(weeklySeries('Readable', '2025-10-06', 2));
    const [first] = await view(
      client,
      `/me/events/${master.id}/instances`,
      '2025-10-01T00:00:00Z',
      '2025-10-31T00:00:00Z',
    );

    const occurrence = await client.api(`/me/events/${first!.id}`).get();

    expect(occurrence).toMatchObject({
      type: 'occurrence',
      seriesMasterId: master.id,
      originalStart: '2025-10-06T07:00:00Z',
      recurrence: null,
    });
  });

  it('answers 400 to a calendarView without its window', async () => {
    const error = await failure(client.api('/me/calendarView').get());

    expect(error).toMatchObject({ statusCode: 400, code: 'ErrorInvalidParameter' });
  });
});
