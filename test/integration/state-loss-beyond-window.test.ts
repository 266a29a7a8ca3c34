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

async function connectionFor(inboundAs: InboundAs): Promise<EngineConnection> {
  return {
    calendarId: 'primary',
    resourceId,
    resourceTimezone: 'Europe/London',
    calendarService: 'google',
    settings: {
      direction: 'two-way',
      conflict_resolution: 'prefer-sched',
      privacy: 'full',
      window_days_past: 30,
      window_days_future: 180,
      inbound_as: inboundAs,
    },
    sched: await schedResourceProviderFor(box, { resourceId, inboundAs }),
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
async function liveBookingsOf(eventId: string): Promise<{ id: string; title: string; start: string }[]> {
  const answer = await sched(`/bookings?resource_id=${resourceId}&max_results=500`);
  return answer.body.bookings.filter(
    (booking: { status: string; source: { event_id?: string } | null }) =>
      booking.status !== 'cancelled' && booking.source?.event_id === eventId,
  );
}

describe('a lost state DB while a booking lies outside the window', () => {
  useBox();

  it('finds the booking the first key made though the event was renamed meanwhile, and books nothing twice', async () => {
    const connection = await connectionFor('bookings');
    const event = await person.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Dentist',
        start: { dateTime: at(2, 10), timeZone: 'Europe/London' },
        end: { dateTime: at(2, 11), timeZone: 'Europe/London' },
      },
    });
    const eventId = event.data.id!;
    expect(await engineOn('first.db').run(connection)).toMatchObject({ status: 'ok', created: { sched: 1 } });
    const [booking] = await liveBookingsOf(eventId);
    const current = await sched(`/bookings/${booking!.id}`);
    await sched(`/bookings/${booking!.id}`, {
      method: 'PUT',
      headers: { 'if-match': String(current.body.version) },
      body: { start: at(250, 10), end: at(250, 11) },
    });
    await person.events.patch({
      calendarId: 'primary',
      eventId,
      requestBody: { summary: 'Dentist (Dr Okafor)' },
    });

    const engine = engineOn('lost.db');
    const resync = await engine.run(connection);
    const after = await engine.run(connection);

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

  it('inbound as busy time: finds the block the first key made, and blocks the time once', async () => {
    const connection = await connectionFor('busy');
    const event = await person.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Clinic',
        start: { dateTime: at(3, 14), timeZone: 'Europe/London' },
        end: { dateTime: at(3, 15), timeZone: 'Europe/London' },
      },
    });
    const eventId = event.data.id!;
    expect(await engineOn('first.db').run(connection)).toMatchObject({ status: 'ok', created: { sched: 1 } });
    const [block] = await liveBlocksOf(eventId);
    const path = `/resources/${resourceId}/availability/exceptions/${block!.id}`;
    const current = await sched(path);
    await sched(path, {
      method: 'PUT',
      headers: { 'if-match': String(current.body.version) },
      body: { start: at(250, 14), end: at(250, 15) },
    });
    await person.events.patch({
      calendarId: 'primary',
      eventId,
      requestBody: { summary: 'Clinic (ward 3)' },
    });

    const engine = engineOn('lost.db');
    const resync = await engine.run(connection);
    const after = await engine.run(connection);

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
    const event = await person.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Ward round',
        start: { dateTime: at(4, 9), timeZone: 'Europe/London' },
        end: { dateTime: at(4, 10), timeZone: 'Europe/London' },
      },
    });
    const eventId = event.data.id!;
    expect(await engineOn('first.db').run(await connectionFor('bookings'))).toMatchObject({ status: 'ok' });
    const [booking] = await liveBookingsOf(eventId);
    const current = await sched(`/bookings/${booking!.id}`);
    await sched(`/bookings/${booking!.id}`, {
      method: 'PUT',
      headers: { 'if-match': String(current.body.version) },
      body: { start: at(250, 9), end: at(250, 10) },
    });

    const engine = engineOn('lost.db');
    const busy = await connectionFor('busy');
    const resync = await engine.run(busy);
    const after = await engine.run(busy);

    expect(resync.status, resync.message ?? '').toBe('ok');
    expect(await liveBookingsOf(eventId)).toEqual([]);
    expect((await liveBlocksOf(eventId)).length).toBe(1);
    expect(after).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
  });
});
