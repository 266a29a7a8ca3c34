import { describe, expect, it } from 'vitest';
import { google } from 'googleapis';
import { GoogleCalendarProvider } from '../../main/providers/google';
import { PreconditionFailedError } from '../../main/providers/port';
import { syncWindow, type ItemFields } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { googleProviderFor, signedInGoogleClient } from '../contract/google-sandbox';
import { isReauthError } from '../../main/auth';

const sandbox = useTestSandbox({ seed: 'empty' });
const windowNow = () => syncWindow(sandbox().clock.now().toISOString(), 30, 180, 'UTC');
const run = Date.now().toString(36);

function at(dayOffset: number, hour: number, title: string): ItemFields {
  const day = Date.parse(windowNow().start) + dayOffset * 86_400_000 + hour * 3_600_000;
  return {
    title,
    description: 'Booked in Sched',
    location: 'Room 1',
    start: { kind: 'instant', utc: new Date(day).toISOString(), zone: 'UTC' },
    end: { kind: 'instant', utc: new Date(day + 3_600_000).toISOString(), zone: 'UTC' },
  };
}

/** The googleapis client as a person's other calendar app would use it. */
async function personsCalendar() {
  const auth = await signedInGoogleClient(sandbox());
  return google.calendar({ version: 'v3', auth, rootUrl: sandbox().info.google.root_url });
}

async function statsFor(method: string, route: string): Promise<number> {
  const stats = await call(`${sandbox().url}/sandbox/stats`);
  const rows = stats.body.requests as { service: string; method: string; route: string; count: number }[];
  return (
    rows.find((row) => row.service === 'google' && row.method === method && row.route === route)?.count ?? 0
  );
}

describe('Google adapter writes', () => {
  it('answers a repeated create with the event made the first time, and Google holds one copy', async () => {
    const provider = await googleProviderFor(sandbox());
    const request = {
      fields: at(3, 9, `Crash retry ${run}`),
      idempotencyKey: `conn-1:external:booking-crash-${run}`,
      tags: { bookingId: `booking-crash-${run}`, connectionId: 'conn-1' },
    };
    const first = await provider.create(request);
    await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });

    const again = await provider.create(request);

    expect(again).toMatchObject({ id: first.id, tags: request.tags });
    expect(await statsFor('POST', '/calendar/v3/calendars/:calendarId/events')).toBe(1);
    expect(await statsFor('GET', '/calendar/v3/calendars/:calendarId/events/:eventId')).toBe(1);
    const api = await personsCalendar();
    const copies = await api.events.list({
      calendarId: 'primary',
      privateExtendedProperty: [`schedSyncBookingId=booking-crash-${run}`],
    });
    expect(copies.data.items).toHaveLength(1);
  });

  it('writes no attendees and keeps what a person added beyond the synced fields', async () => {
    const provider = await googleProviderFor(sandbox());
    const created = await provider.create({
      fields: at(4, 9, `Keep extras ${run}`),
      idempotencyKey: `extras-${run}`,
    });
    const api = await personsCalendar();
    const touched = await api.events.patch({
      calendarId: 'primary',
      eventId: created.id,
      requestBody: {
        colorId: '5',
        reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 5 }] },
      },
    });

    await provider.update(created.id, at(4, 10, `Keep extras, moved ${run}`), {
      ifMatch: touched.data.etag!,
    });

    const seen = await api.events.get({ calendarId: 'primary', eventId: created.id });
    expect(seen.data).toMatchObject({ summary: `Keep extras, moved ${run}`, colorId: '5' });
    expect(seen.data.reminders?.overrides).toEqual([{ method: 'popup', minutes: 5 }]);
    expect(seen.data.attendees ?? []).toEqual([]);
  });

  it('refuses a delete against a stale etag and leaves the event', async () => {
    const provider = await googleProviderFor(sandbox());
    const created = await provider.create({
      fields: at(5, 9, `Guarded ${run}`),
      idempotencyKey: `guarded-${run}`,
    });
    await provider.update(created.id, at(5, 11, `Guarded, moved ${run}`), { ifMatch: created.version });

    const stale = provider.delete(created.id, { ifMatch: created.version });

    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await provider.get(created.id))?.status).toBe('confirmed');
  });

  it('rewrites the agent’s tags with an update when asked, and a read sees the new ones', async () => {
    const provider = await googleProviderFor(sandbox());
    const created = await provider.create({
      fields: at(6, 9, `Retag ${run}`),
      idempotencyKey: `retag-${run}`,
      tags: { bookingId: 'bk_gone', connectionId: 'conn-1' },
    });

    const updated = await provider.update(created.id, at(6, 9, `Retag ${run}`), {
      ifMatch: created.version,
      tags: { bookingId: 'bk_again', connectionId: 'conn-1' },
    });

    expect(updated.tags).toEqual({ bookingId: 'bk_again', connectionId: 'conn-1' });
    expect((await provider.get(created.id))?.tags).toEqual({ bookingId: 'bk_again', connectionId: 'conn-1' });
  });
});

describe('Google adapter reads', () => {
  it('pages a full read and a change feed to the end', async () => {
    const provider = new GoogleCalendarProvider({
      auth: await signedInGoogleClient(sandbox()),
      signIn: { isRevoked: isReauthError },
      calendarId: 'primary',
      rootUrl: sandbox().info.google.root_url,
      pageSize: 2,
    });
    const made = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(
        await provider.create({
          fields: at(6, 8 + i, `Paged ${i} ${run}`),
          idempotencyKey: `paged-${run}-${i}`,
        }),
      );
    }
    await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });

    const full = await provider.listChanges({ cursor: null, window: windowNow() });
    for (const item of made)
      await provider.update(item.id, at(7, 8, `Paged, moved ${run}`), { ifMatch: item.version });
    const changes = await provider.listChanges({ cursor: full.nextCursor, window: windowNow() });

    expect(full.items.map((item) => item.id)).toEqual(expect.arrayContaining(made.map((item) => item.id)));
    expect(changes.items.map((item) => item.id).sort()).toEqual(made.map((item) => item.id).sort());
    expect(await statsFor('GET', '/calendar/v3/calendars/:calendarId/events')).toBeGreaterThanOrEqual(3 + 3);
  });

  it('lists a moved instance with its series and original start, and a cancelled one as cancelled', async () => {
    const provider = await googleProviderFor(sandbox());
    const api = await personsCalendar();
    const first = new Date(Date.parse(windowNow().start) + 40 * 86_400_000).toISOString().slice(0, 10);
    const series = await api.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: `Standup ${run}`,
        start: { dateTime: `${first}T09:00:00`, timeZone: 'Europe/Berlin' },
        end: { dateTime: `${first}T09:15:00`, timeZone: 'Europe/Berlin' },
        recurrence: ['RRULE:FREQ=DAILY;COUNT=5'],
      },
    });
    const full = await provider.listChanges({ cursor: null, window: windowNow() });
    const instances = full.items.filter((item) => item.recurrence?.seriesId === series.data.id);
    expect(instances).toHaveLength(5);
    const [, moved, dropped] = instances;

    await api.events.patch({
      calendarId: 'primary',
      eventId: moved!.id,
      requestBody: {
        start: { dateTime: `${first}T11:00:00+01:00` },
        end: { dateTime: `${first}T11:15:00+01:00` },
      },
    });
    await api.events.delete({ calendarId: 'primary', eventId: dropped!.id });
    const changes = await provider.listChanges({ cursor: full.nextCursor, window: windowNow() });

    const movedNow = changes.items.find((item) => item.id === moved!.id);
    expect(movedNow?.recurrence).toEqual({
      seriesId: series.data.id,
      originalStart: moved!.recurrence!.originalStart,
    });
    expect(movedNow?.start).toMatchObject({
      kind: 'instant',
      utc: new Date(`${first}T10:00:00Z`).toISOString(),
    });
    const droppedNow = changes.items.find((item) => item.id === dropped!.id);
    expect(droppedNow?.status ?? (changes.deleted.includes(dropped!.id) ? 'cancelled' : 'missing')).toBe(
      'cancelled',
    );
    expect(changes.items.filter((item) => item.status !== 'cancelled').map((item) => item.id)).toEqual([
      moved!.id,
    ]);
  });
});
