import type { Client } from '@microsoft/microsoft-graph-client';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MicrosoftAccount } from '../../main/auth';
import {
  GraphCalendarProvider,
  createGraphClient,
  createMicrosoftGate,
} from '../../main/providers/microsoft';
import { CursorExpiredError } from '../../main/providers/port';
import type { SyncWindow } from '../../main/sync';
import { instantAt, syncWindow } from '../../main/sync';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  expireGraphCursors,
  microsoftRequestsSeen,
  primaryCalendarId,
  signedInMicrosoftAccount,
} from '../contract/microsoft-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });

interface World {
  box: TestSandbox;
  account: MicrosoftAccount;
  calendarId: string;
  /** The mailbox owner's own Graph client: what a person does in Outlook. */
  person: Client;
  window: SyncWindow;
}

let world: World;

function provider(): GraphCalendarProvider {
  return new GraphCalendarProvider({
    account: world.account,
    calendarId: world.calendarId,
    graphUrl: world.box.info.microsoft.graph_url,
    gate: createMicrosoftGate({ baseDelayMs: 10 }),
  });
}

async function requestsSeenDuring(action: () => Promise<unknown>): Promise<number> {
  const before = await microsoftRequestsSeen(world.box);
  await action();
  return (await microsoftRequestsSeen(world.box)) - before;
}

/** `YYYY-MM-DD` of the first Monday at least three days after the sandbox's today. */
function nextMonday(box: TestSandbox): string {
  const day = new Date(box.clock.now().getTime() + 3 * 86_400_000);
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  const box = sandbox();
  const account = await signedInMicrosoftAccount(box);
  world = {
    box,
    account,
    calendarId: await primaryCalendarId(box, account),
    person: createGraphClient(account.authProvider, box.info.microsoft.graph_url),
    window: syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC'),
  };
});

beforeEach(async () => {
  await call(`${world.box.url}/sandbox/faults`, { method: 'DELETE' });
});

describe('Graph change feed', () => {
  it('costs exactly one request for an idle incremental list', async () => {
    const graph = provider();
    await graph.create({
      fields: {
        title: 'Idle check',
        description: '',
        location: '',
        start: instantAt(`${plusDays(nextMonday(world.box), 1)}T10:00`, 'Europe/London'),
        end: instantAt(`${plusDays(nextMonday(world.box), 1)}T11:00`, 'Europe/London'),
      },
      idempotencyKey: 'idle-check',
      tags: { bookingId: 'b-idle', connectionId: 'c-delta' },
    });
    const { nextCursor } = await graph.listChanges({ cursor: null, window: world.window });
    const counted = graph.requestCount();

    let idle: Awaited<ReturnType<GraphCalendarProvider['listChanges']>> | undefined;
    const seen = await requestsSeenDuring(async () => {
      idle = await graph.listChanges({ cursor: nextCursor, window: world.window });
    });

    expect(idle).toMatchObject({ items: [], deleted: [], full: false });
    expect(seen).toBe(1);
    expect(graph.requestCount() - counted).toBe(1);
  });

  it('reports an event no link holds any more as removed without reading it (the agent deleted it itself)', async () => {
    const graph = provider();
    const day = plusDays(nextMonday(world.box), 3);
    const copy = await graph.create({
      fields: {
        title: 'Cancelled in Sched',
        description: '',
        location: '',
        start: instantAt(`${day}T10:00`, 'Europe/London'),
        end: instantAt(`${day}T11:00`, 'Europe/London'),
      },
      idempotencyKey: 'removed-check',
      tags: { bookingId: 'b-gone', connectionId: 'c-delta' },
    });
    const { nextCursor } = await graph.listChanges({ cursor: null, window: world.window });
    await graph.delete(copy.id);

    let next: Awaited<ReturnType<GraphCalendarProvider['listChanges']>> | undefined;
    const seen = await requestsSeenDuring(async () => {
      next = await graph.listChanges({ cursor: nextCursor, window: world.window, known: new Map() });
    });

    expect(next).toMatchObject({ items: [], deleted: [copy.id] });
    expect(seen).toBe(1);
  });

  it('reads tagged events whole in one $batch and leaves people’s events as the feed gave them', async () => {
    const graph = provider();
    const monday = nextMonday(world.box);
    for (const [index, title] of ['Walk-in', 'Phone call'].entries()) {
      await world.person.api(`/me/calendars/${world.calendarId}/events`).post({
        subject: title,
        start: { dateTime: `${plusDays(monday, 2)}T1${index}:00:00`, timeZone: 'Europe/London' },
        end: { dateTime: `${plusDays(monday, 2)}T1${index}:30:00`, timeZone: 'Europe/London' },
      });
    }
    const ours = await graph.create({
      fields: {
        title: 'Booked in Sched',
        description: 'From booking b-42',
        location: 'Room 9',
        start: instantAt(`${plusDays(monday, 2)}T15:00`, 'Europe/London'),
        end: instantAt(`${plusDays(monday, 2)}T16:00`, 'Europe/London'),
      },
      idempotencyKey: 'batch-check',
      tags: { bookingId: 'b-42', connectionId: 'c-delta' },
    });
    await call(`${world.box.url}/sandbox/stats/reset`, { method: 'POST' });

    const full = await graph.listChanges({ cursor: null, window: world.window });

    const stats = await call(`${world.box.url}/sandbox/stats`);
    const routes = (stats.body.requests as { service: string; route: string; count: number }[])
      .filter((row) => row.service === 'microsoft')
      .map((row) => [row.route, row.count]);
    expect(routes).toEqual(
      expect.arrayContaining([
        [expect.stringContaining('/calendarView/delta'), 1],
        ['/v1.0/$batch', 1],
      ]),
    );
    expect(full.items.find((item) => item.id === ours.id)?.tags).toEqual({
      bookingId: 'b-42',
      connectionId: 'c-delta',
    });
    expect(full.items.filter((item) => item.title === 'Walk-in' || item.title === 'Phone call')).toHaveLength(
      2,
    );
    expect(full.items.filter((item) => item.tags === undefined).map((item) => item.title)).toEqual(
      expect.arrayContaining(['Walk-in', 'Phone call']),
    );
  });

  it('refuses an expired delta link with CursorExpiredError', async () => {
    const graph = provider();
    const { nextCursor } = await graph.listChanges({ cursor: null, window: world.window });
    const forged = nextCursor.replace(/(\$deltatoken=)[^&]+/, '$1token-nobody-issued');

    await expect(graph.listChanges({ cursor: forged, window: world.window })).rejects.toBeInstanceOf(
      CursorExpiredError,
    );
  });

  describe('a recurring series with a moved and a cancelled occurrence', () => {
    let masterId: string;
    let instanceIds: string[];
    let monday: string;

    beforeAll(async () => {
      monday = nextMonday(world.box);
      const master = await world.person.api(`/me/calendars/${world.calendarId}/events`).post({
        subject: 'Physio',
        start: { dateTime: `${monday}T09:00:00`, timeZone: 'Europe/London' },
        end: { dateTime: `${monday}T09:45:00`, timeZone: 'Europe/London' },
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
          range: {
            type: 'numbered',
            startDate: monday,
            numberOfOccurrences: 6,
            recurrenceTimeZone: 'Europe/London',
          },
        },
      });
      masterId = master.id as string;
      const instances = await world.person
        .api(`/me/events/${masterId}/instances`)
        .query({ startDateTime: `${monday}T00:00:00Z`, endDateTime: `${plusDays(monday, 50)}T00:00:00Z` })
        .top(50)
        .get();
      instanceIds = (instances.value as { id: string }[]).map((instance) => instance.id);
      await world.person.api(`/me/events/${instanceIds[1]}`).patch({
        subject: 'Physio (moved)',
        start: { dateTime: `${plusDays(monday, 8)}T14:00:00`, timeZone: 'Europe/London' },
        end: { dateTime: `${plusDays(monday, 8)}T14:45:00`, timeZone: 'Europe/London' },
      });
      await world.person.api(`/me/events/${instanceIds[2]}`).delete();
    });

    it('lists instances, the moved one at its new time and the cancelled one absent', async () => {
      const full = await provider().listChanges({ cursor: null, window: world.window });

      const physio = full.items.filter((item) => item.recurrence?.seriesId === masterId);
      expect(full.items.map((item) => item.id)).not.toContain(masterId);
      expect(physio.map((item) => item.id).sort()).toEqual(
        [instanceIds[0], instanceIds[1], instanceIds[3], instanceIds[4], instanceIds[5]].sort(),
      );
      const moved = physio.find((item) => item.id === instanceIds[1]);
      expect(moved).toMatchObject({
        title: 'Physio (moved)',
        start: instantAt(`${plusDays(monday, 8)}T14:00`, 'Europe/London'),
        recurrence: {
          originalStart: instantAt(`${plusDays(monday, 7)}T09:00`, 'Europe/London'),
        },
      });
      const first = physio.find((item) => item.id === instanceIds[0]);
      expect(first?.start).toEqual(instantAt(`${monday}T09:00`, 'Europe/London'));
    });

    it('reports a later-cancelled occurrence as gone and one moved out of the window as changed', async () => {
      const graph = provider();
      const { nextCursor } = await graph.listChanges({ cursor: null, window: world.window });
      await world.person.api(`/me/events/${instanceIds[3]}`).delete();
      const far = plusDays(monday, 400);
      await world.person.api(`/me/events/${instanceIds[4]}`).patch({
        start: { dateTime: `${far}T09:00:00`, timeZone: 'Europe/London' },
        end: { dateTime: `${far}T09:45:00`, timeZone: 'Europe/London' },
      });

      const changes = await graph.listChanges({ cursor: nextCursor, window: world.window });

      const cancelled =
        changes.deleted.includes(instanceIds[3]!) ||
        changes.items.some((item) => item.id === instanceIds[3] && item.status === 'cancelled');
      expect(cancelled).toBe(true);
      expect(changes.deleted).not.toContain(instanceIds[4]);
      expect(changes.items.find((item) => item.id === instanceIds[4])?.start).toEqual(
        instantAt(`${far}T09:00`, 'Europe/London'),
      );
    });
  });

  it('follows nextLinks page by page to the deltaLink at the end', async () => {
    const graph = new GraphCalendarProvider({
      account: world.account,
      calendarId: world.calendarId,
      graphUrl: world.box.info.microsoft.graph_url,
      pageSize: 2,
    });
    await call(`${world.box.url}/sandbox/stats/reset`, { method: 'POST' });

    const full = await graph.listChanges({ cursor: null, window: world.window });

    const stats = await call(`${world.box.url}/sandbox/stats`);
    const deltaPages = (stats.body.requests as { route: string; count: number }[])
      .filter((row) => row.route.endsWith('/calendarView/delta'))
      .reduce((sum, row) => sum + row.count, 0);
    expect(full.items.length).toBeGreaterThan(4);
    expect(deltaPages).toBe(Math.ceil(full.items.length / 2));
    expect(full.nextCursor).toMatch(/\$deltatoken=/);
  });

  it('answers CursorExpiredError once the service forgot its delta state', async () => {
    const graph = provider();
    const { nextCursor } = await graph.listChanges({ cursor: null, window: world.window });
    await expireGraphCursors(world.box);

    await expect(graph.listChanges({ cursor: nextCursor, window: world.window })).rejects.toBeInstanceOf(
      CursorExpiredError,
    );
  });
});
