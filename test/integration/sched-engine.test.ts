import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as google from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, type EngineConnection } from '../../main/engine';
import { openStateDb, type StateDb } from '../../main/store';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { googleProviderFor, signedInGoogleClient } from '../contract/google-sandbox';
import { schedProviderFor } from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const resourceId = 'rsc_meeting_room_a';
const dir = mkdtempSync(join(tmpdir(), 'sched-engine-'));

let box: TestSandbox;
let connection: EngineConnection;
let person: calendar_v3.Calendar;
let engine: Engine;
let db: StateDb;

/** An hour on a day from now, in UTC, as RFC 3339. */
function at(days: number, hour: number, minute = 0): string {
  const day = new Date(box.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
}

function sched(path: string, init: Parameters<typeof call>[1] = {}) {
  return call(`${box.info.sched.base_url}${path}`, { token: box.info.sched.api_key, ...init });
}

async function schedBookings(): Promise<{ id: string; title: string; status: string; source: unknown }[]> {
  const answer = await sched(`/bookings?resource_id=${resourceId}&max_results=500`);
  return answer.body.bookings;
}

async function googleEvents(): Promise<calendar_v3.Schema$Event[]> {
  return (await person.events.list({ calendarId: 'primary', singleEvents: true })).data.items ?? [];
}

beforeAll(async () => {
  box = sandbox();
  person = google.calendar({
    version: 'v3',
    auth: await signedInGoogleClient(box),
    rootUrl: box.info.google.root_url,
  });
  connection = {
    calendarId: 'primary',
    resourceId,
    resourceTimezone: 'Europe/London',
    calendarService: 'google',
    settings: {
      direction: 'two-way',
      conflict_resolution: 'manual',
      privacy: 'full',
      window_days_past: 30,
      window_days_future: 180,
    },
    sched: await schedProviderFor(box, { resourceId }),
    external: await googleProviderFor(box),
  };
  db = openStateDb(join(dir, 'state.db'));
  engine = new Engine({ db, now: () => box.clock.now() });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('engine with the Sched and Google adapters against the sandbox', () => {
  it('records an overlap as a conflict, and "import anyway" books it with allow_overlap', async () => {
    await sched('/bookings', {
      method: 'POST',
      body: { resource_id: resourceId, title: 'Board meeting', start: at(2, 10), end: at(2, 11) },
    });
    await person.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Dentist',
        start: { dateTime: at(2, 10, 30), timeZone: 'Europe/London' },
        end: { dateTime: at(2, 11, 30), timeZone: 'Europe/London' },
      },
    });

    const first = await engine.run(connection);
    const [conflict] = db.conflicts.open();
    const resolved = await engine.resolveConflict(conflict!.id, 'import-anyway', connection);

    expect(first).toMatchObject({ status: 'ok', conflicts: 1, created: { sched: 0, external: 1 } });
    expect(conflict!.kind).toBe('overlap');
    expect(resolved.status).toBe('ok');
    const dentist = (await schedBookings()).find((booking) => booking.title === 'Dentist');
    expect(dentist).toMatchObject({
      status: 'confirmed',
      source: { calendar_service: 'google', calendar_id: 'primary' },
    });
  });

  it('idles at one request per side once both sides agree', async () => {
    await engine.run(connection);

    const idle = await engine.run(connection);

    expect(idle).toMatchObject({ status: 'ok', requests: 2, conflicts: 0 });
    expect([idle.created, idle.updated, idle.deleted]).toEqual([
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
    ]);
  });

  it('settles after a location is set in Google, which Sched cannot hold', async () => {
    const event = (await googleEvents()).find((candidate) => candidate.summary === 'Board meeting')!;
    await person.events.patch({
      calendarId: 'primary',
      eventId: event.id!,
      requestBody: { location: 'Room 4' },
    });

    const edit = await engine.run(connection);
    const after = await engine.run(connection);

    expect(edit).toMatchObject({
      status: 'ok',
      created: { sched: 0, external: 0 },
      updated: { external: 0 },
    });
    expect(after).toMatchObject({ status: 'ok', requests: 2 });
    expect([after.created, after.updated, after.deleted]).toEqual([
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
    ]);
    expect((await googleEvents()).find((candidate) => candidate.id === event.id)?.location).toBe('Room 4');
  });

  it('deletes the Google copy of a booking cancelled in Sched', async () => {
    const booking = (await schedBookings()).find((candidate) => candidate.title === 'Board meeting')!;
    await sched(`/bookings/${booking.id}`, { method: 'DELETE' });

    const summary = await engine.run(connection);

    expect(summary).toMatchObject({ status: 'ok', deleted: { sched: 0, external: 1 } });
    expect((await googleEvents()).map((event) => event.summary)).toEqual(['Dentist']);
  });
});
