import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../sandbox/core/clock';
import { call, useTestSandbox, type JsonBody } from './helpers/start-test-sandbox';

const DOCTOR = 'rsc_dr_maria_lopez';
const STUDIO = 'rsc_recording_studio';
const NOW = '2026-03-02T09:00:00Z';

describe('Sched availability exceptions', () => {
  const sandbox = useTestSandbox({ seed: 'empty', clock: new SandboxClock(() => Date.parse(NOW)) });
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
  const base = (resource = DOCTOR) => `/resources/${resource}/availability/exceptions`;
  let day = 0;
  /** A fresh day no other test uses, so tests do not see each other's exceptions in a window. */
  const freshDay = () => {
    day += 1;
    return `2031-08-${String(day).padStart(2, '0')}`;
  };
  const create = (body: Record<string, unknown>, resource = DOCTOR, headers: Record<string, string> = {}) =>
    api(base(resource), { method: 'POST', body, headers });
  const hours = (date: string, from: number, to: number) => ({
    start: `${date}T${String(from).padStart(2, '0')}:00:00Z`,
    end: `${date}T${String(to).padStart(2, '0')}:00:00Z`,
  });
  async function readAll(
    query: string,
    resource = DOCTOR,
  ): Promise<{ items: JsonBody[]; pages: JsonBody[] }> {
    const pages: JsonBody[] = [];
    let page = await api(`${base(resource)}?${query}`);
    pages.push(page.body);
    while (page.body.next_page_token) {
      page = await api(
        `${base(resource)}?${query}&page_token=${encodeURIComponent(page.body.next_page_token)}`,
      );
      expect(page.status).toBe(200);
      pages.push(page.body);
    }
    return { items: pages.flatMap((body) => body.exceptions), pages };
  }

  it('creates an exception with the documented fields, in the resource’s zone by default', async () => {
    const date = freshDay();

    const created = await create({ ...hours(date, 13, 17), reason: 'Time off' });
    const read = await api(`${base()}/${created.body.id}`);

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      id: expect.stringMatching(/^exc_/),
      resource_id: DOCTOR,
      start: `${date}T13:00:00Z`,
      end: `${date}T17:00:00Z`,
      all_day: false,
      timezone: 'America/New_York',
      reason: 'Time off',
      source: null,
      status: 'active',
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    expect(read.body).toEqual(created.body);
  });

  it('keeps an event it was made from as its source', async () => {
    const source = { calendar_service: 'microsoft', calendar_id: 'AAMkDoctor', event_id: 'AAMkEvent1' };

    const created = await create({ ...hours(freshDay(), 9, 10), source });

    expect(created.body.source).toEqual(source);
    expect(created.body.reason).toBe('');
  });

  it('creates once per Idempotency-Key, and refuses the key for a different request', async () => {
    const body = hours(freshDay(), 9, 10);
    const headers = { 'idempotency-key': 'exc-key-1' };

    const first = await create(body, DOCTOR, headers);
    const again = await create(body, DOCTOR, headers);
    const other = await create({ ...body, reason: 'changed' }, DOCTOR, headers);
    const otherResource = await create(body, STUDIO, headers);
    const listed = await readAll(`time_min=${body.start}&time_max=${body.end}`);

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(other.status).toBe(422);
    expect(otherResource.status).toBe(422);
    expect(listed.items.map((e: JsonBody) => e.id)).toEqual([first.body.id]);
  });

  it('lists the exceptions overlapping a time range, live ones unless asked, paged without gaps', async () => {
    const date = freshDay();
    const made = [];
    for (const hour of [8, 10, 12, 14, 16]) made.push((await create(hours(date, hour, hour + 1))).body);
    await api(`${base()}/${made[1].id}`, { method: 'DELETE' });
    const range = `time_min=${date}T09:30:00Z&time_max=${date}T16:30:00Z`;

    const live = await readAll(`${range}&max_results=2`);
    const all = await readAll(`${range}&include_cancelled=true`);

    expect(live.items.map((e: JsonBody) => e.id)).toEqual([made[2].id, made[3].id, made[4].id]);
    expect(live.pages).toHaveLength(2);
    expect(live.pages[0].next_sync_token).toBeUndefined();
    expect(live.pages[1].next_sync_token).toEqual(expect.any(String));
    expect(all.items.map((e: JsonBody) => e.id)).toEqual([made[1].id, made[2].id, made[3].id, made[4].id]);
  });

  it('feeds every change since a sync token, cancellations included, and only that resource’s', async () => {
    const date = freshDay();
    const kept = (await create(hours(date, 9, 10))).body;
    const token = (await readAll('max_results=500')).pages.at(-1).next_sync_token;

    const added = (await create(hours(date, 11, 12), DOCTOR)).body;
    await create(hours(date, 11, 12), STUDIO);
    await api(`${base()}/${kept.id}`, { method: 'DELETE' });
    const feed = await api(`${base()}?sync_token=${encodeURIComponent(token)}`);
    const after = await api(`${base()}?sync_token=${encodeURIComponent(feed.body.next_sync_token)}`);

    expect(feed.body.exceptions.map((e: JsonBody) => [e.id, e.status])).toEqual([
      [added.id, 'active'],
      [kept.id, 'cancelled'],
    ]);
    expect(after.body.exceptions).toEqual([]);
  });

  it('answers 410 to a stale sync token, and to a bookings token', async () => {
    const token = (await readAll('max_results=500')).pages.at(-1).next_sync_token;
    const bookingsToken = (await api(`/bookings?resource_id=${DOCTOR}`)).body.next_sync_token;

    const wrongFeed = await api(`${base()}?sync_token=${encodeURIComponent(bookingsToken)}`);
    await call(`${sandbox().url}/sandbox/sync-tokens/expire`, { method: 'POST', body: { target: 'sched' } });
    const stale = await api(`${base()}?sync_token=${encodeURIComponent(token)}`);

    expect(wrongFeed.status).toBe(410);
    expect(stale.status).toBe(410);
    expect(stale.body.error.code).toBe('invalid_sync_token');
  });

  it('updates with If-Match, and answers 412 without change when the version moved', async () => {
    const created = (await create(hours(freshDay(), 9, 10))).body;
    const put = (version: number, body: Record<string, unknown>) =>
      api(`${base()}/${created.id}`, { method: 'PUT', headers: { 'if-match': `"${version}"` }, body });

    const updated = await put(1, { reason: 'Conference' });
    const stale = await put(1, { reason: 'Lost update' });
    const read = await api(`${base()}/${created.id}`);

    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ reason: 'Conference', version: 2 });
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(412);
    expect(read.body).toEqual(updated.body);
  });

  it('cancels with DELETE (If-Match honoured), and can be brought back to active', async () => {
    const created = (await create(hours(freshDay(), 9, 10))).body;
    const remove = (version: number) =>
      api(`${base()}/${created.id}`, { method: 'DELETE', headers: { 'if-match': `"${version}"` } });

    const stale = await remove(7);
    const cancelled = await remove(1);
    const restored = await api(`${base()}/${created.id}`, { method: 'PUT', body: { status: 'active' } });

    expect(stale.status).toBe(412);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 2 });
    expect(restored.body).toMatchObject({ status: 'active', version: 3 });
  });

  it('makes Sched refuse a booking over a live exception with 409 slot_unavailable, unless allow_overlap', async () => {
    const date = freshDay();
    const blocked = (await create({ ...hours(date, 13, 17), reason: 'Time off' })).body;
    const booking = { resource_id: DOCTOR, title: 'Check-up', ...hours(date, 14, 15) };

    const refused = await api('/bookings', { method: 'POST', body: booking });
    const elsewhere = await api('/bookings', { method: 'POST', body: { ...booking, resource_id: STUDIO } });
    const forced = await api('/bookings', { method: 'POST', body: { ...booking, allow_overlap: true } });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'slot_unavailable',
      conflicting_exception_id: blocked.id,
    });
    expect(refused.body.error.message).toContain('Time off');
    expect(elsewhere.status).toBe(201);
    expect(forced.status).toBe(201);
  });

  it('refuses moving a booking into an exception, and stops blocking once the exception is cancelled', async () => {
    const date = freshDay();
    const blocked = (await create(hours(date, 13, 17))).body;
    const booking = (
      await api('/bookings', {
        method: 'POST',
        body: { resource_id: DOCTOR, title: 'Visit', ...hours(date, 9, 10) },
      })
    ).body;

    const moveIn = await api(`/bookings/${booking.id}`, { method: 'PUT', body: hours(date, 15, 16) });
    await api(`${base()}/${blocked.id}`, { method: 'DELETE' });
    const afterCancel = await api(`/bookings/${booking.id}`, { method: 'PUT', body: hours(date, 15, 16) });

    expect(moveIn.status).toBe(409);
    expect(moveIn.body.error.code).toBe('slot_unavailable');
    expect(afterCancel.status).toBe(200);
  });

  it('blocks the whole day of an all-day exception in the resource’s zone', async () => {
    const date = freshDay();
    const next = `2031-08-${String(day + 1).padStart(2, '0')}`;
    day += 1;
    await create({ start: date, end: next, all_day: true, reason: 'Public holiday' });

    // 23:30 UTC is still that day in New York (the doctor's zone); 05:30 UTC the day after is not.
    const lateEvening = await api('/bookings', {
      method: 'POST',
      body: { resource_id: DOCTOR, title: 'Late', start: `${date}T23:30:00Z`, end: `${next}T00:00:00Z` },
    });
    const earlyUtcNext = await api('/bookings', {
      method: 'POST',
      body: { resource_id: DOCTOR, title: 'Early', start: `${next}T05:30:00Z`, end: `${next}T06:00:00Z` },
    });

    expect(lateEvening.status).toBe(409);
    expect(earlyUtcNext.status).toBe(201);
  });

  it.each([
    [{ end: '2031-09-01T10:00:00Z' }, 'start'],
    [{ start: '2031-09-01T10:00:00Z' }, 'end'],
    [{ start: '2031-09-01T10:00:00Z', end: '2031-09-01T09:00:00Z' }, 'end'],
    [{ start: '2031-09-01', end: '2031-09-02' }, 'start'],
    [{ start: '2031-09-01T10:00:00Z', end: '2031-09-01T11:00:00Z', reason: 5 }, 'reason'],
    [{ start: '2031-09-01T10:00:00Z', end: '2031-09-01T11:00:00Z', title: 'Dentist' }, 'title'],
    [{ start: '2031-09-01T10:00:00Z', end: '2031-09-01T11:00:00Z', status: 'closed' }, 'status'],
    [{ start: '2031-09-01T10:00:00Z', end: '2031-09-01T11:00:00Z', timezone: 'Mars/Olympus' }, 'timezone'],
    [
      { start: '2031-09-01T10:00:00Z', end: '2031-09-01T11:00:00Z', source: { calendar_service: 'x' } },
      'source.calendar_service',
    ],
  ])('refuses a bad body with 400 naming the field, creating nothing (%#)', async (body, field) => {
    const response = await create(body);
    const listed = await readAll(
      'time_min=2031-09-01T00:00:00Z&time_max=2031-09-03T00:00:00Z&include_cancelled=true',
    );

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect(listed.items).toEqual([]);
  });

  it('answers 404 for a resource Sched does not have, and for another resource’s exception', async () => {
    const theirs = (await create(hours(freshDay(), 9, 10), STUDIO)).body;

    const noResource = await api('/resources/rsc_nowhere/availability/exceptions');
    const created = await create(hours(freshDay(), 9, 10), 'rsc_nowhere');
    const wrongParent = await api(`${base(DOCTOR)}/${theirs.id}`, {
      method: 'PUT',
      body: { reason: 'mine' },
    });

    expect(noResource.status).toBe(404);
    expect(created.status).toBe(404);
    expect(wrongParent.status).toBe(404);
    expect((await api(`${base(STUDIO)}/${theirs.id}`)).body.reason).toBe('');
  });
});
