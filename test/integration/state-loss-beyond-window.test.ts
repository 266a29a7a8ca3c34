/**
 * A lost state DB while a booking (or busy block) made from an event lies outside the window: the resync's window
 * read cannot see it. The run reads what Sched holds made from the calendar at any date and pairs it again; and a
 * create sent again with its first key, which Sched's sandbox refuses (one key space per account, 422
 * `idempotency_key_reused` when the request differs from the first), looks for the copy that key made. Either way the
 * event is never booked twice, and the run never stalls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as google from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine, type EngineConnection } from '../../main/engine';
import { openStateDb, type StateDb } from '../../main/store';
import type { InboundAs } from '../../main/sync';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { googleProviderFor, signedInGoogleClient } from '../contract/google-sandbox';
import { schedResourceProviderFor } from '../contract/sched-sandbox';

const resourceId = 'rsc_meeting_room_a';

let box: TestSandbox;
let person: calendar_v3.Calendar;
let dir: string;
const opened: StateDb[] = [];

/** A sandbox of its own for each describe (a test's calendar and bookings would be the next one's). */
function useBox(): void {
  const sandbox = useTestSandbox({ seed: 'empty' });
  beforeEach(async () => {
    box = sandbox();
    person = google.calendar({
      version: 'v3',
      auth: await signedInGoogleClient(box),
      rootUrl: box.info.google.root_url,
    });
    dir = mkdtempSync(join(tmpdir(), 'state-loss-window-'));
  });
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An hour on a day from now, in UTC, as RFC 3339. */
function at(days: number, hour: number): string {
  const day = new Date(box.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
}

function sched(path: string, init: Parameters<typeof call>[1] = {}) {
  return call(`${box.info.sched.base_url}${path}`, { token: box.info.sched.api_key, ...init });
}

async function connectionFor(
  inboundAs: InboundAs,
  resource = resourceId,
  resolution: EngineConnection['settings']['conflict_resolution'] = 'prefer-sched',
): Promise<EngineConnection> {
  return {
    calendarId: 'primary',
    resourceId: resource,
    resourceTimezone: 'Europe/London',
    calendarService: 'google',
    settings: {
      direction: 'two-way',
      conflict_resolution: resolution,
      privacy: 'full',
      window_days_past: 30,
      window_days_future: 180,
      inbound_as: inboundAs,
    },
    sched: await schedResourceProviderFor(box, { resourceId: resource, inboundAs }),
    external: await googleProviderFor(box),
  };
}

/** An engine on a state DB of its own: a new file is a lost state DB. */
function engineOn(name: string): Engine {
  const db = openStateDb(join(dir, name));
  opened.push(db);
  return new Engine({ db, now: () => box.clock.now() });
}

/** Every live availability exception of the resource made from the event, wherever it lies in time. */
async function liveBlocksOf(eventId: string): Promise<{ id: string; reason: string; start: string }[]> {
  const answer = await sched(`/resources/${resourceId}/availability/exceptions?max_results=500`);
  return answer.body.exceptions.filter(
    (block: { status: string; source: { event_id?: string } | null }) =>
      block.status !== 'cancelled' && block.source?.event_id === eventId,
  );
}

/** Every booking of the resource made from the event, wherever it lies in time, cancelled ones left out. */
async function liveBookingsOf(
  eventId: string,
  resource = resourceId,
): Promise<{ id: string; title: string; start: string }[]> {
  const answer = await sched(`/bookings?resource_id=${resource}&max_results=500`);
  return answer.body.bookings.filter(
    (booking: { status: string; source: { event_id?: string } | null }) =>
      booking.status !== 'cancelled' && booking.source?.event_id === eventId,
  );
}

/** A person's event in the Google calendar, `days` from now at `hour` for an hour; its id. */
async function addEvent(summary: string, days: number, hour: number): Promise<string> {
  const event = await person.events.insert({
    calendarId: 'primary',
    requestBody: {
      summary,
      start: { dateTime: at(days, hour), timeZone: 'Europe/London' },
      end: { dateTime: at(days, hour + 1), timeZone: 'Europe/London' },
    },
  });
  return event.data.id!;
}

/** A person moves the Sched item at `path` (a booking or an exception) to `days` from now at `hour`. */
async function moveInSched(path: string, days: number, hour: number): Promise<void> {
  const current = await sched(path);
  await sched(path, {
    method: 'PUT',
    headers: { 'if-match': String(current.body.version) },
    body: { start: at(days, hour), end: at(days, hour + 1) },
  });
}

/** The state DB is lost: a new one, the resync, and the run after it. */
async function resyncedAfterLoss(connection: EngineConnection) {
  const engine = engineOn('lost.db');
  const resync = await engine.run(connection);
  return { resync, after: await engine.run(connection) };
}

describe('a lost state DB while a booking lies outside the window', () => {
  useBox();

  it('finds the booking though the event was renamed meanwhile, and books nothing twice', async () => {
    const connection = await connectionFor('bookings');
    const eventId = await addEvent('Dentist', 2, 10);
    expect(await engineOn('first.db').run(connection)).toMatchObject({ status: 'ok', created: { sched: 1 } });
    const [booking] = await liveBookingsOf(eventId);
    await moveInSched(`/bookings/${booking!.id}`, 250, 10);
    await person.events.patch({
      calendarId: 'primary',
      eventId,
      requestBody: { summary: 'Dentist (Dr Okafor)' },
    });

    const { resync, after } = await resyncedAfterLoss(connection);

    expect(resync.status, resync.message ?? '').toBe('ok');
    expect(resync.created).toEqual({ sched: 0, external: 0 });
    // One booking, the one the first run made; the later edit (the rename) wins, as for any pair found again.
    const live = await liveBookingsOf(eventId);
    expect(live.map((b) => [b.id, b.title, b.start])).toEqual([
      [booking!.id, 'Dentist (Dr Okafor)', at(2, 10)],
    ]);
    expect(after).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
    expect(after.updated).toEqual({ sched: 0, external: 0 });
  });
});

describe('a lost state DB while a busy block lies outside the window', () => {
  useBox();

  it('inbound as busy time: finds the block though the event was renamed meanwhile, and blocks the time once', async () => {
    const connection = await connectionFor('busy');
    const eventId = await addEvent('Clinic', 3, 14);
    expect(await engineOn('first.db').run(connection)).toMatchObject({ status: 'ok', created: { sched: 1 } });
    const [block] = await liveBlocksOf(eventId);
    await moveInSched(`/resources/${resourceId}/availability/exceptions/${block!.id}`, 250, 14);
    await person.events.patch({
      calendarId: 'primary',
      eventId,
      requestBody: { summary: 'Clinic (ward 3)' },
    });

    const { resync, after } = await resyncedAfterLoss(connection);

    expect(resync.status, resync.message ?? '').toBe('ok');
    expect(resync.created).toEqual({ sched: 0, external: 0 });
    const live = await liveBlocksOf(eventId);
    expect(live.map((b) => [b.id, b.start])).toEqual([[block!.id, at(3, 14)]]);
    expect(after).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
  });
});

describe('a lost state DB while a booking lies outside the window, after a switch to busy time', () => {
  useBox();

  it('turns the booking into the busy block, and leaves no booking beside it', async () => {
    const eventId = await addEvent('Ward round', 4, 9);
    expect(await engineOn('first.db').run(await connectionFor('bookings'))).toMatchObject({ status: 'ok' });
    const [booking] = await liveBookingsOf(eventId);
    await moveInSched(`/bookings/${booking!.id}`, 250, 9);

    const { resync, after } = await resyncedAfterLoss(await connectionFor('busy'));

    expect(resync.status, resync.message ?? '').toBe('ok');
    expect(await liveBookingsOf(eventId)).toEqual([]);
    expect((await liveBlocksOf(eventId)).length).toBe(1);
    expect(after).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
  });
});

describe('a lost state DB while a booking lies outside the window, then a remap', () => {
  useBox();

  it('moves the booking to the new resource, and books the event nowhere else', async () => {
    const otherRoom = 'rsc_classroom_101';
    const eventId = await addEvent('Seminar', 5, 11);
    const before = await connectionFor('bookings');
    expect(await engineOn('first.db').run(before)).toMatchObject({ status: 'ok', created: { sched: 1 } });
    const [booking] = await liveBookingsOf(eventId);
    await moveInSched(`/bookings/${booking!.id}`, 250, 11);

    // The state DB is lost, then the calendar is remapped: the settings file still names the old resource.
    const engine = engineOn('lost.db');
    await engine.recoverPairing(before, otherRoom);
    const remapped = await connectionFor('bookings', otherRoom);
    const run = await engine.run(remapped);
    const quiet = await engine.run(remapped);

    expect(run.status, run.message ?? '').toBe('ok');
    expect(await liveBookingsOf(eventId)).toEqual([]);
    const moved = await liveBookingsOf(eventId, otherRoom);
    expect(moved.map((b) => b.id)).toEqual([booking!.id]);
    expect(quiet).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
    expect(quiet.updated).toEqual({ sched: 0, external: 0 });
  });
});

describe('a lost state DB after an event moved, then a remap, under manual conflicts', () => {
  useBox();

  it('moves the booking as it stands and asks which time to keep, rather than keep both times silently', async () => {
    const otherRoom = 'rsc_classroom_101';
    const eventId = await addEvent('Seminar', 5, 11);
    const before = await connectionFor('bookings', resourceId, 'manual');
    expect(await engineOn('first.db').run(before)).toMatchObject({ status: 'ok', created: { sched: 1 } });
    const [booking] = await liveBookingsOf(eventId);
    await person.events.patch({
      calendarId: 'primary',
      eventId,
      requestBody: { start: { dateTime: at(5, 15) }, end: { dateTime: at(5, 16) } },
    });

    // The state DB is lost with the event's move unsynced, then the calendar is remapped.
    const engine = engineOn('lost.db');
    await engine.recoverPairing(before, otherRoom);
    const remapped = await connectionFor('bookings', otherRoom, 'manual');
    const run = await engine.run(remapped);
    const quiet = await engine.run(remapped);

    expect(run).toMatchObject({ status: 'ok', conflicts: 1 });
    const moved = await liveBookingsOf(eventId, otherRoom);
    expect(moved.map((b) => [b.id, Date.parse(b.start)])).toEqual([[booking!.id, Date.parse(at(5, 11))]]);
    expect(
      opened
        .at(-1)!
        .conflicts.open()
        .map((c) => c.kind),
    ).toEqual(['edit']);
    expect(quiet).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
  });
});

describe('a lost state DB while a calendar copy lies outside the window', () => {
  useBox();

  it('the preview and the run both find the copy the person moved, and the calendar keeps one copy', async () => {
    const booking = await sched('/bookings', {
      method: 'POST',
      body: { resource_id: resourceId, title: 'Board meeting', start: at(6, 13), end: at(6, 14) },
    });
    const connection = await connectionFor('bookings');
    connection.settings.direction = 'sched-to-external';
    expect(await engineOn('first.db').run(connection)).toMatchObject({
      status: 'ok',
      created: { external: 1 },
    });
    const [copy] = (await person.events.list({ calendarId: 'primary' })).data.items ?? [];
    await person.events.patch({
      calendarId: 'primary',
      eventId: copy!.id!,
      requestBody: { start: { dateTime: at(250, 13) }, end: { dateTime: at(250, 14) } },
    });

    const engine = engineOn('lost.db');
    const preview = await engine.preview(connection);
    const run = await engine.run(connection);

    expect(run.status, run.message ?? '').toBe('ok');
    expect(preview.counts).toMatchObject({ create: run.created, update: run.updated, delete: run.deleted });
    expect(run.created).toEqual({ sched: 0, external: 0 });
    const copies = ((await person.events.list({ calendarId: 'primary' })).data.items ?? []).filter(
      (event) => event.extendedProperties?.private?.schedSyncBookingId === booking.body.id,
    );
    expect(copies.map((event) => event.id)).toEqual([copy!.id]);
  });
});

describe('a lost state DB while an event and its booking both lie outside the window', () => {
  useBox();

  it('pairs them once the event comes back into the window: the preview says the update the run makes', async () => {
    const connection = await connectionFor('bookings');
    const eventId = await addEvent('Board meeting', 2, 11);
    // Another event, in the window all along: the resync pairs it again, so the state DB has links after it.
    await addEvent('Standup', 3, 9);
    expect(await engineOn('first.db').run(connection)).toMatchObject({ status: 'ok', created: { sched: 2 } });
    const [booking] = await liveBookingsOf(eventId);
    const far = { dateTime: at(250, 11), timeZone: 'Europe/London' };
    const farEnd = { dateTime: at(250, 12), timeZone: 'Europe/London' };
    await person.events.patch({ calendarId: 'primary', eventId, requestBody: { start: far, end: farEnd } });
    await moveInSched(`/bookings/${booking!.id}`, 250, 11);
    const engine = engineOn('lost.db');
    expect(await engine.run(connection)).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
    const back = { start: { dateTime: at(6, 15), timeZone: 'Europe/London' } };
    const backEnd = { end: { dateTime: at(6, 16), timeZone: 'Europe/London' } };
    await person.events.patch({ calendarId: 'primary', eventId, requestBody: { ...back, ...backEnd } });

    const preview = await engine.preview(connection);
    const run = await engine.run(connection);

    expect(preview.counts).toMatchObject({
      create: { sched: 0, external: 0 },
      update: { sched: 1, external: 0 },
    });
    expect(run).toMatchObject({
      status: 'ok',
      created: { sched: 0, external: 0 },
      updated: { sched: 1, external: 0 },
    });
    expect((await liveBookingsOf(eventId)).map((b) => [b.id, b.start])).toEqual([[booking!.id, at(6, 15)]]);
  });
});
