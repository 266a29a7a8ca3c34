import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, type EngineConnection } from '../../main/engine';
import type { GraphCalendarProvider } from '../../main/providers/microsoft';
import { createGraphClient } from '../../main/providers/microsoft';
import { openStateDb, type StateDb } from '../../main/store';
import type { MicrosoftAccount } from '../../main/auth';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  graphEngineConnection,
  graphProviderFor,
  primaryCalendarId,
  signedInMicrosoftAccount,
} from '../contract/microsoft-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const resourceId = 'rsc_meeting_room_a';
const dir = mkdtempSync(join(tmpdir(), 'graph-engine-'));

interface Setup {
  box: TestSandbox;
  account: MicrosoftAccount;
  calendarId: string;
  connection: EngineConnection;
  graph: GraphCalendarProvider;
}

let setup: Setup;

function at(box: TestSandbox, days: number, hour: number): string {
  const day = new Date(box.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
}

function engineOn(file: string): { engine: Engine; db: StateDb } {
  const db = openStateDb(join(dir, file));
  return { engine: new Engine({ db, now: () => setup.box.clock.now() }), db };
}

/** The events in the connected calendar, as the mailbox owner sees them in Outlook. */
async function outlookSubjects(): Promise<string[]> {
  const person = createGraphClient(setup.account.authProvider, setup.box.info.microsoft.graph_url);
  const page = await person.api(`/me/calendars/${setup.calendarId}/events`).top(100).get();
  return (page.value as { subject: string }[]).map((event) => event.subject).sort();
}

beforeAll(async () => {
  const box = sandbox();
  const account = await signedInMicrosoftAccount(box);
  const calendarId = await primaryCalendarId(box, account);
  const graph = await graphProviderFor(box, { calendarId });
  setup = {
    box,
    account,
    calendarId,
    graph,
    connection: await graphEngineConnection(box, resourceId, 'two-way', graph, calendarId),
  };
  await call(`${box.info.sched.base_url}/bookings`, {
    token: box.info.sched.api_key,
    method: 'POST',
    body: { resource_id: resourceId, title: 'Booked in Sched', start: at(box, 2, 9), end: at(box, 2, 10) },
  });
  const person = createGraphClient(account.authProvider, box.info.microsoft.graph_url);
  await person.api(`/me/calendars/${calendarId}/events`).post({
    subject: 'Made in Outlook',
    start: { dateTime: at(box, 3, 14).slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: at(box, 3, 15).slice(0, 19), timeZone: 'UTC' },
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine with the Graph adapter against the sandbox', () => {
  it('copies both ways, recognises its own writes, then idles at one request per side', async () => {
    const { engine, db } = engineOn('state.db');

    const first = await engine.run(setup.connection);
    const echo = await engine.run(setup.connection);
    const idle = await engine.run(setup.connection);
    db.close();

    expect(first).toMatchObject({ status: 'ok', created: { sched: 1, external: 1 } });
    expect([echo.created, echo.updated, echo.deleted]).toEqual([
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
    ]);
    expect(idle).toMatchObject({ status: 'ok', requests: 2 });
    expect(await outlookSubjects()).toEqual(['Booked in Sched', 'Made in Outlook']);
  });

  it('relinks by tags after the state is lost: no copy, no deletion', async () => {
    const { engine, db } = engineOn('fresh.db');

    const resync = await engine.run(setup.connection);
    db.close();

    expect(resync.status).toBe('ok');
    expect([resync.created, resync.deleted]).toEqual([
      { sched: 0, external: 0 },
      { sched: 0, external: 0 },
    ]);
    expect(await outlookSubjects()).toEqual(['Booked in Sched', 'Made in Outlook']);
  });
});
