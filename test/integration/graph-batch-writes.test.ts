import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../main/engine';
import { createGraphClient } from '../../main/providers/microsoft';
import { pairOnConnect } from '../../main/agent/remap-request';
import { openStateDb } from '../../main/store';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  graphEngineConnection,
  graphProviderFor,
  primaryCalendarId,
  signedInMicrosoftAccount,
} from '../contract/microsoft-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const resourceId = 'rsc_meeting_room_a';
const dir = mkdtempSync(join(tmpdir(), 'graph-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function at(box: TestSandbox, index: number): { start: string; end: string } {
  const start = box.clock.now().getTime() + (1 + Math.floor(index / 8)) * 86_400_000;
  const hour = new Date(Math.floor(start / 86_400_000) * 86_400_000 + (8 + (index % 8)) * 3_600_000);
  return { start: hour.toISOString(), end: new Date(hour.getTime() + 3_000_000).toISOString() };
}

/** `bookings` bookings in Sched from slot `first` on (8 a day), and an engine syncing them to Outlook. */
async function setUp(box: TestSandbox, bookings: number, first = 0, title = 'Booking') {
  const account = await signedInMicrosoftAccount(box);
  const calendarId = await primaryCalendarId(box, account);
  const graph = await graphProviderFor(box, { calendarId });
  const ids: string[] = [];
  for (let i = 0; i < bookings; i += 1) {
    const made = (await call(`${box.info.sched.base_url}/bookings`, {
      token: box.info.sched.api_key,
      method: 'POST',
      body: { resource_id: resourceId, title: `${title} ${i}`, ...at(box, first + i) },
    })) as { body: { id: string } };
    ids.push(made.body.id);
  }
  const connection = await graphEngineConnection(box, resourceId, 'sched-to-external', graph, calendarId);
  const db = openStateDb(join(dir, `state-${calendarId.slice(-8)}-${bookings}.db`));
  // As `connect` leaves it: a calendar this state DB never knew, so nothing was made from it yet.
  pairOnConnect(db, connection.calendarId, connection.resourceId);
  const engine = new Engine({ db, now: () => box.clock.now() });
  const events = async () => {
    const person = createGraphClient(account.authProvider, box.info.microsoft.graph_url);
    const page = await person.api(`/me/calendars/${calendarId}/events`).top(100).get();
    return page.value as { subject: string }[];
  };
  return { graph, connection, db, engine, ids, events };
}

describe('Graph writes in $batch', () => {
  it('copies 45 bookings in three $batch requests, then idles on one delta request with no re-read', async () => {
    const { graph, connection, db, engine, events } = await setUp(sandbox(), 45);

    const before = graph.requestCount();
    const first = await engine.run(connection);
    const afterFirst = graph.requestCount();
    const idle = await engine.run(connection);
    const afterIdle = graph.requestCount();
    db.close();

    expect(first).toMatchObject({ status: 'ok', created: { sched: 0, external: 45 } });
    // One full delta read of the empty calendar, then 20 + 20 + 5 creates.
    expect(afterFirst - before).toBe(4);
    expect(idle).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
    expect(afterIdle - afterFirst).toBe(1);
    const subjects = (await events()).map((e) => e.subject);
    expect(new Set(subjects).size).toBe(45);
    expect(subjects).toHaveLength(45);
  });

  it('sends 25 renames and 5 cancellations in two $batch requests, and the next run writes nothing', async () => {
    const box = sandbox();
    const { graph, connection, db, engine, ids, events } = await setUp(box, 30, 48, 'Visit');
    await engine.run(connection);
    await engine.run(connection);
    for (const [index, id] of ids.entries()) {
      const sched = `${box.info.sched.base_url}/bookings/${id}`;
      if (index < 25) {
        const booking = await call(sched, { token: box.info.sched.api_key });
        const put = await call(sched, {
          token: box.info.sched.api_key,
          method: 'PUT',
          headers: { 'If-Match': booking.headers.get('etag') ?? '' },
          body: { ...(booking.body as object), title: `Renamed ${index}` },
        });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
      } else {
        const cancel = await call(sched, { token: box.info.sched.api_key, method: 'DELETE' });
        expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
      }
    }

    const before = graph.requestCount();
    const edits = await engine.run(connection);
    const afterEdits = graph.requestCount();
    const quiet = await engine.run(connection);
    const afterQuiet = graph.requestCount();
    db.close();

    expect(edits).toMatchObject({ status: 'ok', updated: { external: 25 }, deleted: { external: 5 } });
    // One delta read, then the 30 writes as 20 + 10.
    expect(afterEdits - before).toBe(3);
    expect(quiet).toMatchObject({ status: 'ok', updated: { external: 0 }, deleted: { external: 0 } });
    expect(afterQuiet - afterEdits).toBe(1);
    // The calendar also holds the first test's 45 copies.
    const subjects = (await events())
      .map((e) => e.subject)
      .filter((subject) => !subject.startsWith('Booking '));
    expect(subjects.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `Renamed ${i}`).sort());
  });
});
