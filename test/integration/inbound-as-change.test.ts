import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type JsonBody } from '../sandbox/helpers/start-test-sandbox';
import { at, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
const alex = 'alex@sandbox.example';
const doctor = 'rsc_dr_maria_lopez';
const path = `/calendars/${encodeURIComponent(alex)}`;

beforeAll(async () => {
  world = await startSyncWorld();
});
afterAll(async () => {
  await world?.dispose();
});

async function exceptions(): Promise<JsonBody[]> {
  const { sched } = world.sandbox.info;
  const answer = await call(`${sched.base_url}/resources/${doctor}/availability/exceptions?max_results=500`, {
    token: sched.api_key,
  });
  return (answer.body.exceptions as JsonBody[]).filter((e) => e.status !== 'cancelled');
}

describe('changing inbound_as works like a remap (SYNC.md, "Changing a connection")', () => {
  it('first imports the calendar’s six events as bookings', async () => {
    const google = world.google(alex);
    for (let day = 1; day <= 6; day += 1) {
      await google.insert({
        summary: `Clinic ${day}`,
        start: { dateTime: at(world.sandbox, day, 9), timeZone: 'UTC' },
        end: { dateTime: at(world.sandbox, day, 10), timeZone: 'UTC' },
      });
    }
    await world.connect({ resource_id: doctor, calendar_service: 'google', user: alex, calendar_id: alex });

    const run = await world.sync(alex);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 6, external: 0 } });
    expect(await world.sched.bookings(doctor)).toHaveLength(6);
  });

  it('to busy: previews six cancellations and six exceptions, and the guard stops the run until approved', async () => {
    await world.settings(alex, { inbound_as: 'busy' });

    const preview = (await world.api('GET', `${path}/preview`)).body;
    const stopped = await world.sync(alex);
    const untouched = await world.sched.bookings(doctor);
    const approved = await world.api('POST', `${path}/review`, { decision: 'apply' });

    expect(preview.counts).toMatchObject({
      create: { sched: 6, external: 0 },
      delete: { sched: 6, external: 0 },
    });
    expect(preview.guard.verdict).toBe('needs_review');
    expect(stopped).toMatchObject({ status: 'needs_review', deleted: { sched: 0, external: 0 } });
    expect(untouched).toHaveLength(6);
    expect(approved.status).toBe(200);
    expect(await world.sched.bookings(doctor)).toEqual([]);
    expect((await exceptions()).map((e) => e.reason).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((day) => `Clinic ${day}`),
    );
    expect((await world.google(alex).events()).every((e) => e.extendedProperties === undefined)).toBe(true);
  });

  it('settles: the next run changes nothing', async () => {
    const idle = await world.sync(alex);

    expect(idle).toMatchObject({
      status: 'ok',
      created: { sched: 0, external: 0 },
      deleted: { sched: 0, external: 0 },
      updated: { sched: 0, external: 0 },
      errors: 0,
    });
  });

  it('back to bookings: the exceptions go and the bookings come back, with no duplicate', async () => {
    await world.settings(alex, { inbound_as: 'bookings' });
    await world.sync(alex);
    await world.api('POST', `${path}/review`, { decision: 'apply' });
    const idle = await world.sync(alex);

    expect(await exceptions()).toEqual([]);
    expect((await world.sched.bookings(doctor)).map((b) => b.title)).toEqual(
      [1, 2, 3, 4, 5, 6].map((day) => `Clinic ${day}`),
    );
    expect(idle).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 }, errors: 0 });
  });
});
