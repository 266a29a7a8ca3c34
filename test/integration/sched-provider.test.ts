import { describe, expect, it } from 'vitest';
import { AuthError, CursorExpiredError, SlotUnavailableError } from '../../main/providers/port';
import { SchedCalendarProvider, SchedHttp } from '../../main/providers/sched';
import type { ItemFields, ItemTime } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { expireSchedTokens, schedProviderFor, schedRequestsSeen, windowAt } from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const run = Date.now().toString(36);
let slot = 0;

/** A timed slot of `minutes`, on its own day-hour so tests never collide unless they mean to. */
function slotTimes(minutes = 60, zone = 'UTC'): { start: ItemTime; end: ItemTime } {
  slot += 1;
  const startMs = Date.parse(windowAt(sandbox()).start) + 3 * 86_400_000 + slot * 3 * 3_600_000;
  return {
    start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone },
    end: { kind: 'instant', utc: new Date(startMs + minutes * 60_000).toISOString(), zone },
  };
}

function fields(title: string, times = slotTimes()): ItemFields {
  return { title: `${title} ${run}`, description: `About ${title}`, location: '', ...times };
}

/** Sched's own API, as a person's booking tool would use it. */
function sched(path: string, init: Parameters<typeof call>[1] = {}) {
  return call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
}

describe('Sched provider against the sandbox: cost and cursors', () => {
  it('spends exactly one request on an idle incremental list', async () => {
    const provider = await schedProviderFor(sandbox());
    await provider.create({ fields: fields('Idle'), idempotencyKey: `idle-${run}` });
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });
    const before = provider.requestCount();

    const idle = await provider.listChanges({ cursor: nextCursor, window: windowAt(sandbox()) });

    expect(idle.items).toEqual([]);
    expect(provider.requestCount() - before).toBe(1);
    expect(await schedRequestsSeen(sandbox())).toBe(1);
  });

  it('reads a full window page by page', async () => {
    const provider = await schedProviderFor(sandbox(), { pageSize: 2 });
    const made = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(await provider.create({ fields: fields(`Paged ${i}`), idempotencyKey: `paged-${run}-${i}` }));
    }
    const before = provider.requestCount();

    const full = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });

    expect(full.items.map((item) => item.id)).toEqual(expect.arrayContaining(made.map((item) => item.id)));
    expect(provider.requestCount() - before).toBe(Math.ceil(full.items.length / 2));
  });

  it('refuses a sync token Sched expired with CursorExpiredError', async () => {
    const provider = await schedProviderFor(sandbox());
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    await expireSchedTokens(sandbox());

    const stale = provider.listChanges({ cursor: nextCursor, window: windowAt(sandbox()) });

    await expect(stale).rejects.toBeInstanceOf(CursorExpiredError);
  });

  it('reports bookings cancelled in Sched as cancelled items in the change feed', async () => {
    const provider = await schedProviderFor(sandbox());
    const item = await provider.create({ fields: fields('Cancelled in Sched'), idempotencyKey: `cx-${run}` });
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    await sched(`/bookings/${item.id}`, { method: 'DELETE' });

    const changes = await provider.listChanges({ cursor: nextCursor, window: windowAt(sandbox()) });

    expect(changes.items).toEqual([expect.objectContaining({ id: item.id, status: 'cancelled' })]);
  });
});

describe('Sched provider against the sandbox: creates', () => {
  it('refuses an overlap with SlotUnavailableError, and creates it with allowOverlap', async () => {
    const provider = await schedProviderFor(sandbox());
    const times = slotTimes(60);
    const taken = await provider.create({ fields: fields('Taken', times), idempotencyKey: `taken-${run}` });
    const inbound = { fields: fields('Inbound', times), idempotencyKey: `inbound-${run}` };

    const refused = await provider.create(inbound).catch((error: unknown) => error);
    const forced = await provider.create({ ...inbound, allowOverlap: true });

    expect(refused).toBeInstanceOf(SlotUnavailableError);
    expect((refused as SlotUnavailableError).conflictingBookingId).toBe(taken.id);
    expect(forced).toMatchObject({ title: `Inbound ${run}`, status: 'confirmed' });
  });

  it('makes one booking from the same idempotency key sent twice', async () => {
    const provider = await schedProviderFor(sandbox());
    const request = {
      fields: fields('Once'),
      idempotencyKey: `once-${run}`,
      source: { calendarService: 'google' as const, calendarId: 'alex@sandbox.example', eventId: 'ev-once' },
    };

    const first = await provider.create(request);
    const second = await provider.create(request);

    const listed = await sched('/bookings?resource_id=rsc_meeting_room_a&max_results=500');
    const copies = (listed.body.bookings as { title: string }[]).filter((b) => b.title === `Once ${run}`);
    expect(second.id).toBe(first.id);
    expect(copies).toHaveLength(1);
  });

  it('keeps all-day dates across a DST change in the resource’s zone', async () => {
    // Meeting Room A is in Europe/London, which springs forward on the last Sunday of March.
    const provider = await schedProviderFor(sandbox(), { resourceId: 'rsc_meeting_room_a' });
    const year = new Date(windowAt(sandbox()).end).getUTCFullYear();
    const lastSunday = lastSundayOfMarch(year);
    const times = {
      start: { kind: 'date', date: addDays(lastSunday, -1) },
      end: { kind: 'date', date: addDays(lastSunday, 2) },
    } as const;

    const item = await provider.create({
      fields: fields('Over the change', times),
      idempotencyKey: `dst-${run}`,
      allowOverlap: true,
    });
    const stored = await sched(`/bookings/${item.id}`);

    expect((await provider.get(item.id))?.start).toEqual(times.start);
    expect((await provider.get(item.id))?.end).toEqual(times.end);
    expect(stored.body).toMatchObject({ all_day: true, start: times.start.date, end: times.end.date });
  });

  it('keeps a timed booking’s own zone on a resource in another one', async () => {
    const provider = await schedProviderFor(sandbox(), { resourceId: 'rsc_dr_maria_lopez' });
    const times = slotTimes(30, 'Europe/Berlin');

    const item = await provider.create({ fields: fields('Zoned', times), idempotencyKey: `zoned-${run}` });

    expect(item.start).toEqual(times.start);
    expect((await sched(`/bookings/${item.id}`)).body.timezone).toBe('Europe/Berlin');
  });
});

describe('Sched provider against the sandbox: statuses and refusals', () => {
  it('keeps pending and completed bookings made in Sched as they are', async () => {
    const provider = await schedProviderFor(sandbox(), { resourceId: 'rsc_classroom_101' });
    const made: Record<string, string> = {};
    for (const status of ['pending', 'completed'] as const) {
      const times = slotTimes();
      const answer = await sched('/bookings', {
        method: 'POST',
        body: {
          resource_id: 'rsc_classroom_101',
          title: `A ${status} lesson`,
          start: (times.start as { utc: string }).utc,
          end: (times.end as { utc: string }).utc,
          status,
        },
      });
      made[status] = answer.body.id as string;
    }

    const full = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });

    const statusOf = (id: string | undefined) => full.items.find((item) => item.id === id)?.status;
    expect(statusOf(made.pending)).toBe('pending');
    expect(statusOf(made.completed)).toBe('completed');
  });

  it('treats cancelling twice, or a booking that never was, as done', async () => {
    const provider = await schedProviderFor(sandbox());
    const item = await provider.create({ fields: fields('Twice cancelled'), idempotencyKey: `twice-${run}` });

    await provider.delete(item.id, { ifMatch: item.version });
    await provider.delete(item.id, { ifMatch: item.version });
    await provider.delete('bkg_never_was');

    expect((await provider.get(item.id))?.status).toBe('cancelled');
  });

  it('says the API key was refused, without showing it', async () => {
    const wrongKey = 'sched_wrong_key_for_this_test';
    const http = new SchedHttp({ baseUrl: sandbox().info.sched.base_url, apiKey: wrongKey });
    const provider = new SchedCalendarProvider({
      http,
      resource: { id: 'rsc_meeting_room_a', timezone: 'Europe/London' },
    });

    const failure = await provider.get('bkg_x').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as Error).message).toMatch(/Sched refused the API key/);
    expect((failure as Error).message).not.toContain(wrongKey);
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function lastSundayOfMarch(year: number): string {
  const last = new Date(Date.UTC(year, 2, 31));
  return addDays(last.toISOString().slice(0, 10), -last.getUTCDay());
}
