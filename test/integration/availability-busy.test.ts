import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type JsonBody } from '../sandbox/helpers/start-test-sandbox';
import { startOfOutlook, type OutlookSide } from './fixtures/calendar-sides';
import { at, instant, nothing, startSyncWorld, type SyncWorld } from './fixtures/sync-world';

let world: SyncWorld;
let calendarId: string;
let jordan: OutlookSide;
const doctor = 'rsc_dr_maria_lopez';
const graphTime = (iso: string) => ({ dateTime: iso.slice(0, 19), timeZone: 'UTC' });

beforeAll(async () => {
  world = await startSyncWorld();
  jordan = world.outlook('jordan@sandbox.example');
  calendarId = await jordan.useDefaultCalendar();
});
afterAll(async () => {
  await world?.dispose();
});

/** Sched's availability exceptions of the doctor, live ones only. */
async function exceptions(): Promise<JsonBody[]> {
  const { sched } = world.sandbox.info;
  const answer = await call(`${sched.base_url}/resources/${doctor}/availability/exceptions?max_results=500`, {
    token: sched.api_key,
  });
  return (answer.body.exceptions as JsonBody[]).filter((e) => e.status !== 'cancelled');
}
/** Connects one of Jordan's Outlook calendars to the doctor: two-way, her busy time blocks, no details cross. */
const connectBusy = (calendar_id: string) =>
  world.connect({
    resource_id: doctor,
    calendar_service: 'microsoft',
    user: 'jordan@sandbox.example',
    calendar_id,
    sync_settings: { inbound_as: 'busy', privacy: 'busy-only', direction: 'two-way' },
  });
const schedCall = (method: string, path: string, body?: unknown) =>
  call(`${world.sandbox.info.sched.base_url}${path}`, {
    method,
    token: world.sandbox.info.sched.api_key,
    body,
  });

describe('inbound_as: busy, a doctor’s own Outlook blocks her time in Sched (SYNC.md, "Availability")', () => {
  const outlook = () => jordan;

  it('turns her busy events into exceptions with no details, never bookings, and a booking there is refused', async () => {
    await outlook().create({
      subject: 'Dentist',
      body: { contentType: 'text', content: 'Dr. Chen, bring the x-rays' },
      showAs: 'busy',
      start: graphTime(at(world.sandbox, 2, 9)),
      end: graphTime(at(world.sandbox, 2, 10)),
    });
    await outlook().create({
      subject: 'Reading time',
      showAs: 'free',
      start: graphTime(at(world.sandbox, 2, 11)),
      end: graphTime(at(world.sandbox, 2, 12)),
    });
    await connectBusy(calendarId);

    const run = await world.sync(calendarId);
    const refused = await schedCall('POST', '/bookings', {
      resource_id: doctor,
      title: 'Check-up',
      start: at(world.sandbox, 2, 9, 30),
      end: at(world.sandbox, 2, 10, 30),
    });

    expect(run).toMatchObject({ status: 'ok', created: { sched: 1, external: 0 }, errors: 0 });
    expect(await world.sched.bookings(doctor)).toEqual([]);
    expect(await exceptions()).toEqual([
      expect.objectContaining({
        start: at(world.sandbox, 2, 9).replace('.000Z', 'Z'),
        reason: '',
        source: expect.objectContaining({ calendar_service: 'microsoft', calendar_id: calendarId }),
      }),
    ]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
  });

  it('moves the exception with its event, and lifts it when the event goes', async () => {
    const dentist = (await outlook().events()).find((e) => e.subject === 'Dentist')!;
    await outlook().patch(dentist.id, {
      start: graphTime(at(world.sandbox, 3, 14)),
      end: graphTime(at(world.sandbox, 3, 15)),
    });
    const moved = await world.sync(calendarId);
    const whileMoved = await exceptions();
    const undoSays = (await world.api('GET', `/runs/${moved.run_id}/items`)).body.items as JsonBody[];
    await outlook().remove(dentist.id);
    const removed = await world.sync(calendarId);

    expect(moved).toMatchObject({ status: 'ok', updated: { sched: 1, external: 0 }, created: nothing });
    expect(whileMoved.map((e) => e.start)).toEqual([at(world.sandbox, 3, 14).replace('.000Z', 'Z')]);
    // Undo would leave the block with its event, and Activity says so before anyone presses it.
    expect(undoSays).toMatchObject([{ side: 'sched', action: 'update', stays: true }]);
    expect(removed).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 0 } });
    expect(await exceptions()).toEqual([]);
  });

  it('blocks her time again when someone cancels the block in Sched, and never deletes her event for it', async () => {
    await outlook().create({
      subject: 'Surgery',
      showAs: 'busy',
      start: graphTime(at(world.sandbox, 5, 9)),
      end: graphTime(at(world.sandbox, 5, 10)),
    });
    await world.sync(calendarId);
    const [block] = await exceptions();
    await schedCall('DELETE', `/resources/${doctor}/availability/exceptions/${block!.id}`);

    const run = await world.sync(calendarId);
    const again = await world.sync(calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 1, external: 0 }, deleted: nothing });
    expect(again).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
    expect((await outlook().events()).map((e) => e.subject)).toContain('Surgery');
    expect((await exceptions()).map((e) => e.start)).toEqual([at(world.sandbox, 5, 9).replace('.000Z', 'Z')]);
    const surgery = (await outlook().events()).find((e) => e.subject === 'Surgery')!;
    await outlook().remove(surgery.id);
    await world.sync(calendarId);
  });

  it('sends an exception made in Sched out as an "Unavailable" event, and its cancellation too', async () => {
    const made = await schedCall('POST', `/resources/${doctor}/availability/exceptions`, {
      start: at(world.sandbox, 4, 8),
      end: at(world.sandbox, 4, 12),
      reason: 'Conference',
    });
    const out = await world.sync(calendarId);
    const titles = (await outlook().events()).map((e) => e.subject);
    await schedCall('DELETE', `/resources/${doctor}/availability/exceptions/${made.body.id}`);
    const cancelled = await world.sync(calendarId);

    expect(made.status).toBe(201);
    expect(out).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    // busy-only: the event shows the time taken, not the reason.
    expect(titles).toEqual(['Reading time', 'Busy']);
    expect(cancelled).toMatchObject({ status: 'ok', deleted: { sched: 0, external: 1 } });
    expect((await outlook().events()).map((e) => e.subject)).toEqual(['Reading time']);
  });

  it('names the reason on the event under privacy full', async () => {
    await world.settings(calendarId, { privacy: 'full' });
    await schedCall('POST', `/resources/${doctor}/availability/exceptions`, {
      start: at(world.sandbox, 5, 8),
      end: at(world.sandbox, 5, 12),
      reason: 'Time off',
    });

    const run = await world.sync(calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 } });
    expect((await outlook().events()).map((e) => e.subject)).toEqual([
      'Reading time',
      'Unavailable: Time off',
    ]);
  });

  it('refuses an inbound_as it does not know, naming the field, and changes nothing', async () => {
    const answer = await world.api('PUT', `/calendars/${encodeURIComponent(calendarId)}`, {
      sync_settings: { inbound_as: 'sometimes' },
    });
    const listed = await world.api('GET', '/calendars');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/inbound_as/);
    expect(listed.body.calendars[0].sync_settings).toMatchObject({ inbound_as: 'busy', privacy: 'full' });
  });
});

describe('two calendars of the doctor under busy time (SYNC.md, "Availability")', () => {
  it('a block’s copy deleted in the other calendar comes back there, and her time stays blocked', async () => {
    const desk = world.outlook('jordan@sandbox.example');
    const deskId = await desk.useNewCalendar('Front desk');
    await connectBusy(deskId);
    await jordan.create({
      subject: 'Ward round',
      showAs: 'busy',
      start: graphTime(at(world.sandbox, 7, 9)),
      end: graphTime(at(world.sandbox, 7, 10)),
    });
    await world.sync(calendarId);
    await world.sync(deskId);
    const [block] = (await exceptions()).filter(
      (e) => e.start === at(world.sandbox, 7, 9).replace('.000Z', 'Z'),
    );
    const copyAt = (events: JsonBody[]) =>
      events.filter((e) => startOfOutlook(e) === instant(at(world.sandbox, 7, 9)));
    const [copy] = copyAt(await desk.events());
    await desk.remove(copy!.id);

    const run = await world.sync(deskId);
    const owner = await world.sync(calendarId);

    expect(run).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 }, deleted: nothing });
    expect(owner).toMatchObject({ created: nothing, updated: nothing, deleted: nothing });
    expect((await exceptions()).map((e) => e.id)).toContain(block!.id);
    expect(copyAt(await desk.events())).toHaveLength(1);
  });
});
