import { describe, expect, it } from 'vitest';
import { call, useTestSandbox, type JsonBody } from './helpers/start-test-sandbox';

const ROOM = 'rsc_meeting_room_a';
const DOCTOR = 'rsc_dr_maria_lopez';

describe('Sched booking lists and the sync_token feed', () => {
  const sandbox = useTestSandbox({ seed: 'demo', sched: { syncTokenMaxAgeSeconds: 3600 } });
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });

  /** Follows next_page_token to the end; returns every booking and the final response. */
  async function readAll(query: string): Promise<{ bookings: JsonBody[]; pages: JsonBody[] }> {
    const pages: JsonBody[] = [];
    let page = await api(`/bookings?${query}`);
    pages.push(page.body);
    while (page.body.next_page_token) {
      page = await api(`/bookings?${query}&page_token=${encodeURIComponent(page.body.next_page_token)}`);
      expect(page.status).toBe(200);
      pages.push(page.body);
    }
    return { bookings: pages.flatMap((body) => body.bookings), pages };
  }

  it('has demo bookings for several resources over the coming weeks, with cancelled and pending ones', async () => {
    const all = await readAll('include_cancelled=true&max_results=500');

    const now = sandbox().clock.now().getTime();
    const future = all.bookings.filter((booking) => Date.parse(booking.end) > now);
    expect(new Set(all.bookings.map((booking) => booking.resource_id)).size).toBeGreaterThanOrEqual(3);
    expect(future.length).toBeGreaterThan(20);
    expect(all.bookings.some((booking) => booking.status === 'cancelled')).toBe(true);
    expect(all.bookings.some((booking) => booking.status === 'pending')).toBe(true);
    expect(all.bookings.some((booking) => booking.all_day)).toBe(true);
  });

  it('pages through a list without gaps or repeats, with next_sync_token only on the last page', async () => {
    const whole = await readAll('max_results=500');

    const paged = await readAll('max_results=7');

    expect(paged.pages.length).toBeGreaterThan(2);
    expect(paged.bookings.map((booking) => booking.id)).toEqual(whole.bookings.map((booking) => booking.id));
    expect(paged.pages.slice(0, -1).every((page) => page.next_sync_token === undefined)).toBe(true);
    expect(paged.pages.at(-1).next_sync_token).toEqual(expect.any(String));
    expect(whole.bookings.some((booking) => booking.status === 'cancelled')).toBe(false);
  });

  it('filters by resource and by time overlap', async () => {
    const { bookings } = await readAll(`resource_id=${DOCTOR}&max_results=500`);
    const first = bookings[0];
    const middle = new Date((Date.parse(first.start) + Date.parse(first.end)) / 2);
    const oneSecondLater = new Date(middle.getTime() + 1000);

    const narrow = await api(
      `/bookings?resource_id=${DOCTOR}&time_min=${middle.toISOString()}&time_max=${oneSecondLater.toISOString()}`,
    );
    const backwards = await api(
      `/bookings?time_min=${oneSecondLater.toISOString()}&time_max=${middle.toISOString()}`,
    );

    expect(bookings.every((booking) => booking.resource_id === DOCTOR)).toBe(true);
    expect(narrow.body.bookings.map((booking: JsonBody) => booking.id)).toEqual([first.id]);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.field).toBe('time_max');
  });

  it('reports every change since a sync_token, cancellations included, and then nothing', async () => {
    const initial = await readAll(`resource_id=${ROOM}&max_results=500`);
    const token = initial.pages.at(-1).next_sync_token;
    const [toEdit, toCancel] = initial.bookings.filter((booking) => booking.status === 'confirmed');
    await api(`/bookings/${toEdit.id}`, { method: 'PUT', body: { title: 'Renamed stand-up' } });
    await api(`/bookings/${toCancel.id}`, { method: 'DELETE' });
    const created = await api('/bookings', {
      method: 'POST',
      body: { resource_id: ROOM, title: 'New', start: '2032-02-02T10:00:00Z', end: '2032-02-02T11:00:00Z' },
    });
    await api('/bookings', {
      method: 'POST',
      body: {
        resource_id: DOCTOR,
        title: 'Other resource',
        start: '2032-02-02T10:00:00Z',
        end: '2032-02-02T11:00:00Z',
      },
    });

    const changes = await api(`/bookings?sync_token=${encodeURIComponent(token)}`);
    const after = await api(`/bookings?sync_token=${encodeURIComponent(changes.body.next_sync_token)}`);

    expect(changes.status).toBe(200);
    expect(
      changes.body.bookings.map((booking: JsonBody) => [booking.id, booking.status, booking.title]),
    ).toEqual([
      [toEdit.id, toEdit.status, 'Renamed stand-up'],
      [toCancel.id, 'cancelled', toCancel.title],
      [created.body.id, 'confirmed', 'New'],
    ]);
    expect(after.body).toEqual({ bookings: [], next_sync_token: expect.any(String) });
  });

  it('pages a long change feed too', async () => {
    const initial = await readAll(`resource_id=${DOCTOR}&max_results=500`);
    const token = initial.pages.at(-1).next_sync_token;
    const confirmed = initial.bookings.filter((booking) => booking.status === 'confirmed').slice(0, 5);
    for (const booking of confirmed) {
      await api(`/bookings/${booking.id}`, { method: 'PUT', body: { description: 'moved to video call' } });
    }

    const feed = await readAll(`sync_token=${encodeURIComponent(token)}&max_results=2`);

    expect(feed.pages).toHaveLength(3);
    expect(feed.bookings.map((booking) => booking.id)).toEqual(confirmed.map((booking) => booking.id));
  });

  it('answers 410 for an unknown sync_token', async () => {
    const response = await api('/bookings?sync_token=garbage');

    expect(response.status).toBe(410);
    expect(response.body.error.code).toBe('invalid_sync_token');
  });

  it('answers 410 for a sync_token older than the server keeps history', async () => {
    const { pages } = await readAll(`resource_id=${ROOM}&max_results=500`);
    const token = pages.at(-1).next_sync_token;

    await call(`${sandbox().url}/sandbox/clock`, { method: 'POST', body: { advance_seconds: 7200 } });
    const response = await api(`/bookings?sync_token=${encodeURIComponent(token)}`);

    expect(response.status).toBe(410);
    expect(response.body.error.code).toBe('sync_token_expired');
  });

  it('answers 410 for every earlier sync_token once the sandbox expires them', async () => {
    const { pages } = await readAll(`resource_id=${ROOM}&max_results=500`);
    const token = pages.at(-1).next_sync_token;

    await call(`${sandbox().url}/sandbox/sync-tokens/expire`, { method: 'POST', body: { target: 'sched' } });
    const response = await api(`/bookings?sync_token=${encodeURIComponent(token)}`);

    expect(response.status).toBe(410);
  });

  it('refuses sync_token with a time window, and a page_token from another query, with 400', async () => {
    const first = await api(`/bookings?resource_id=${ROOM}&max_results=2`);
    const token = (await readAll(`resource_id=${ROOM}&max_results=500`)).pages.at(-1).next_sync_token;

    const combined = await api(
      `/bookings?sync_token=${encodeURIComponent(token)}&time_min=2030-01-01T00:00:00Z`,
    );
    const foreignPage = await api(
      `/bookings?resource_id=${DOCTOR}&max_results=2&page_token=${encodeURIComponent(first.body.next_page_token)}`,
    );

    expect(combined.status).toBe(400);
    expect(combined.body.error.field).toBe('time_min');
    expect(foreignPage.status).toBe(400);
    expect(foreignPage.body.error.field).toBe('page_token');
  });
});
