import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Client,
  CustomAuthenticationProvider,
  MiddlewareFactory,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { MicrosoftAccount } from '../../main/auth';
import { Engine } from '../../main/engine';
import {
  GraphCalendarProvider,
  createGraphClient,
  createMicrosoftGate,
} from '../../main/providers/microsoft';
import { pairOnConnect } from '../../main/agent/remap-request';
import { openStateDb } from '../../main/store';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  graphEngineConnection,
  microsoftRequestsSeen,
  primaryCalendarId,
  signedInMicrosoftAccount,
} from '../contract/microsoft-sandbox';

// Sched's own limit lifted so that seeding hundreds of bookings takes seconds; the agent keeps its gates.
const sandbox = useTestSandbox({ seed: 'empty', sched: { rateLimitPerMinute: 100_000 } });
const dir = mkdtempSync(join(tmpdir(), 'graph-idle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Issue 11's first sync: 1,000 bookings, ten delta pages at the old default of 100 rows. */
const bookings = 1000;
/** Enough creates for several `$batch`es, so a person's edit can fall between them. */
const twoWayBookings = 250;

function slot(box: TestSandbox, index: number): { start: string; end: string } {
  const day = Math.floor(box.clock.now().getTime() / 86_400_000) + 1 + Math.floor(index / 8);
  const start = new Date((day * 24 + 8 + (index % 8)) * 3_600_000);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_000_000).toISOString() };
}

async function seed(box: TestSandbox, resourceId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const made = await call(`${box.info.sched.base_url}/bookings`, {
      token: box.info.sched.api_key,
      method: 'POST',
      body: { resource_id: resourceId, title: `Booking ${i}`, ...slot(box, i) },
    });
    if (made.status !== 201 && made.status !== 200)
      throw new Error(`Sched refused: ${JSON.stringify(made.body)}`);
  }
}

async function resetStats(box: TestSandbox): Promise<void> {
  await call(`${box.url}/sandbox/stats/reset`, { method: 'POST' });
}

/**
 * The real Graph client with one extra link in its middleware chain, just before the HTTP handler: `before` runs
 * ahead of the agent's second `$batch`, so what it does happens while the first sync's creates are under way.
 */
function clientPausingBeforeSecondBatch(
  box: TestSandbox,
  account: MicrosoftAccount,
  before: () => Promise<void>,
): Client {
  let batches = 0;
  let next: Middleware | undefined;
  const pause: Middleware = {
    async execute(context: Context) {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      if (context.options?.method === 'POST' && new URL(url).pathname.endsWith('/$batch')) {
        batches += 1;
        if (batches === 2) await before();
      }
      await next!.execute(context);
    },
    setNext(middleware: Middleware) {
      next = middleware;
    },
  };
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(
    new CustomAuthenticationProvider(account.authProvider),
  );
  chain.splice(chain.length - 1, 0, pause);
  const base = box.info.microsoft.graph_url.replace(/\/+$/, '');
  return Client.initWithMiddleware({
    baseUrl: base,
    customHosts: new Set([new URL(base).hostname]),
    defaultVersion: 'v1.0',
    middleware: chain,
  });
}

describe('the first idle Outlook run after a first sync', () => {
  it('costs one delta request after 1,000 creates, none re-read; the first sync stays at 1 + 50 requests', async () => {
    const box = sandbox();
    const resourceId = 'rsc_meeting_room_a';
    await seed(box, resourceId, bookings);
    const account = await signedInMicrosoftAccount(box);
    const calendarId = await primaryCalendarId(box, account);
    const graph = new GraphCalendarProvider({
      account,
      calendarId,
      graphUrl: box.info.microsoft.graph_url,
      gate: createMicrosoftGate({ baseDelayMs: 20, maxDelayMs: 200 }),
    });
    const connection = await graphEngineConnection(box, resourceId, 'sched-to-external', graph, calendarId);
    const db = openStateDb(join(dir, 'outgoing.db'));
    // As `connect` leaves it: a calendar this state DB never knew, so nothing was made from it yet.
    pairOnConnect(db, connection.calendarId, connection.resourceId);
    const engine = new Engine({ db, now: () => box.clock.now() });

    await resetStats(box);
    const first = await engine.run(connection);
    const firstSeen = await microsoftRequestsSeen(box);
    await resetStats(box);
    const idle = await engine.run(connection);
    const idleSeen = await microsoftRequestsSeen(box);
    db.close();

    expect(first).toMatchObject({ status: 'ok', created: { sched: 0, external: bookings } });
    // One delta read of the empty calendar, then 1,000 / 20 = 50 `$batch`es of creates (issue 11: ≤ 60).
    expect(firstSeen).toBe(51);
    expect(idle).toMatchObject({
      status: 'ok',
      created: { sched: 0, external: 0 },
      updated: { sched: 0, external: 0 },
      deleted: { sched: 0, external: 0 },
    });
    // Every create comes back once in the change feed, on one page, and none is read again.
    expect(idleSeen).toBe(1);
  });

  it('books an event a person made in Outlook during the first sync’s writes, and one made after it', async () => {
    const box = sandbox();
    const resourceId = 'rsc_dr_maria_lopez';
    await seed(box, resourceId, twoWayBookings);
    const account = await signedInMicrosoftAccount(box);
    const calendarId = await primaryCalendarId(box, account);
    const person = createGraphClient(account.authProvider, box.info.microsoft.graph_url);
    const madeInOutlook = (subject: string, days: number) => {
      const start = new Date(
        (Math.floor(box.clock.now().getTime() / 86_400_000) + days) * 86_400_000 + 19 * 3_600_000,
      );
      const end = new Date(start.getTime() + 3_600_000);
      return person.api(`/me/calendars/${calendarId}/events`).post({
        subject,
        start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: end.toISOString().slice(0, 19), timeZone: 'UTC' },
      }) as Promise<{ id: string }>;
    };
    let during: { id: string } | undefined;
    const graph = new GraphCalendarProvider({
      account,
      calendarId,
      client: clientPausingBeforeSecondBatch(box, account, async () => {
        during = await madeInOutlook('Made in Outlook during the writes', 2);
      }),
      gate: createMicrosoftGate({ baseDelayMs: 20, maxDelayMs: 200 }),
    });
    const connection = await graphEngineConnection(box, resourceId, 'two-way', graph, calendarId);
    const db = openStateDb(join(dir, 'two-way.db'));
    // As `connect` leaves it: a calendar this state DB never knew, so nothing was made from it yet.
    pairOnConnect(db, connection.calendarId, connection.resourceId);
    const engine = new Engine({ db, now: () => box.clock.now() });

    const first = await engine.run(connection);
    expect(first).toMatchObject({ status: 'ok', created: { sched: 0, external: twoWayBookings } });
    expect(during).toBeDefined();
    await madeInOutlook('Made in Outlook after the first sync', 3);
    const next = await engine.run(connection);
    const quiet = await engine.run(connection);
    db.close();

    expect(next).toMatchObject({
      status: 'ok',
      created: { sched: 2, external: 0 },
      deleted: { sched: 0, external: 0 },
    });
    expect(quiet).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
    const listed = await call(
      `${box.info.sched.base_url}/bookings?resource_id=${resourceId}&max_results=500`,
      {
        token: box.info.sched.api_key,
      },
    );
    const titles = (listed.body.bookings as { title: string; status: string }[])
      .filter((booking) => booking.status !== 'cancelled')
      .map((booking) => booking.title);
    expect(titles).toHaveLength(twoWayBookings + 2);
    expect(titles).toEqual(
      expect.arrayContaining(['Made in Outlook during the writes', 'Made in Outlook after the first sync']),
    );
  });
});
