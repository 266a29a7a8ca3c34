import { describe, expect, it } from 'vitest';
import { call, useTestSandbox } from './helpers/start-test-sandbox';

const ROOM = 'rsc_meeting_room_a';

describe('Sched bookings', () => {
  const sandbox = useTestSandbox({ seed: 'empty' });
  let day = 0;
  /** A fresh day in 2031 per test, so tests never collide with each other's bookings. */
  const nextDay = () => {
    day += 1;
    return new Date(Date.UTC(2031, 0, day)).toISOString().slice(0, 10);
  };
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
  const create = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    api('/bookings', { method: 'POST', body, headers });

  it('creates a confirmed booking at version 1, times stored in UTC', async () => {
    const date = nextDay();

    const created = await create({
      resource_id: ROOM,
      title: 'Design review',
      start: `${date}T10:00:00+01:00`,
      end: `${date}T11:00:00+01:00`,
      client: { name: 'Kim', email: 'kim@example.com' },
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      resource_id: ROOM,
      title: 'Design review',
      description: '',
      start: `${date}T09:00:00Z`,
      end: `${date}T10:00:00Z`,
      all_day: false,
      timezone: 'Europe/London',
      status: 'confirmed',
      client: { name: 'Kim', email: 'kim@example.com' },
      source: null,
      version: 1,
    });
    expect((await api(`/bookings/${created.body.id}`)).body).toEqual(created.body);
  });

  it('keeps all-day bookings as dates', async () => {
    const date = nextDay();

    const dayAfter = new Date(Date.parse(date) + 24 * 3600 * 1000).toISOString().slice(0, 10);

    const created = await create({
      resource_id: ROOM,
      title: 'Offsite',
      start: date,
      end: dayAfter,
      all_day: true,
    });

    expect(created.status).toBe(201);
    expect(created.body.start).toBe(date);
    expect(created.body.all_day).toBe(true);
  });

  it.each([
    [{ title: 'x', start: '2031-06-01T10:00:00Z', end: '2031-06-01T11:00:00Z' }, 'resource_id'],
    [{ resource_id: ROOM, start: '2031-06-01T10:00:00Z', end: '2031-06-01T11:00:00Z' }, 'title'],
    [{ resource_id: ROOM, title: 'x', start: 'tomorrow at ten', end: '2031-06-01T11:00:00Z' }, 'start'],
    [{ resource_id: ROOM, title: 'x', start: '2031-06-01T10:00:00', end: '2031-06-01T11:00:00Z' }, 'start'],
    [{ resource_id: ROOM, title: 'x', start: '2031-06-01T11:00:00Z', end: '2031-06-01T10:00:00Z' }, 'end'],
    [
      { resource_id: 'rsc_nowhere', title: 'x', start: '2031-06-01T10:00:00Z', end: '2031-06-01T11:00:00Z' },
      'resource_id',
    ],
    [
      {
        resource_id: ROOM,
        title: 'x',
        start: '2031-06-01T10:00:00Z',
        end: '2031-06-01T11:00:00Z',
        all_day: true,
      },
      'start',
    ],
    [
      {
        resource_id: ROOM,
        title: 'x',
        start: '2031-06-01T10:00:00Z',
        end: '2031-06-01T11:00:00Z',
        timezone: 'Mars/Base',
      },
      'timezone',
    ],
    [
      {
        resource_id: ROOM,
        title: 'x',
        start: '2031-06-01T10:00:00Z',
        end: '2031-06-01T11:00:00Z',
        client: { email: 'nope' },
      },
      'client.email',
    ],
    [
      {
        resource_id: ROOM,
        title: 'x',
        start: '2031-06-01T10:00:00Z',
        end: '2031-06-01T11:00:00Z',
        source: { calendar_service: 'yahoo' },
      },
      'source.calendar_service',
    ],
  ])('refuses an invalid booking with 400 naming the field (%#)', async (body, field) => {
    const before = await api('/bookings');

    const response = await create(body);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_error');
    expect(response.body.error.field).toBe(field);
    expect(response.body.error.message).toContain(field);
    expect((await api('/bookings')).body.bookings).toHaveLength(before.body.bookings.length);
  });

  it('returns the same booking for a repeated Idempotency-Key and creates no duplicate', async () => {
    const date = nextDay();
    const body = {
      resource_id: ROOM,
      title: 'Retry me',
      start: `${date}T08:00:00Z`,
      end: `${date}T09:00:00Z`,
    };

    const first = await create(body, { 'idempotency-key': `key-${date}` });
    const second = await create(body, { 'idempotency-key': `key-${date}` });
    const listed = await api(`/bookings?time_min=${date}T00:00:00Z&time_max=${date}T23:59:59Z`);

    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(listed.body.bookings).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    const date = nextDay();
    const body = { resource_id: ROOM, title: 'One', start: `${date}T08:00:00Z`, end: `${date}T09:00:00Z` };
    await create(body, { 'idempotency-key': `reuse-${date}` });

    const reused = await create({ ...body, title: 'Two' }, { 'idempotency-key': `reuse-${date}` });

    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('refuses an overlap with a confirmed booking of the same resource with 409 slot_unavailable', async () => {
    const date = nextDay();
    const existing = await create({
      resource_id: ROOM,
      title: 'A',
      start: `${date}T10:00:00Z`,
      end: `${date}T11:00:00Z`,
    });

    const clash = await create({
      resource_id: ROOM,
      title: 'B',
      start: `${date}T10:30:00Z`,
      end: `${date}T11:30:00Z`,
    });
    const adjacent = await create({
      resource_id: ROOM,
      title: 'C',
      start: `${date}T11:00:00Z`,
      end: `${date}T12:00:00Z`,
    });
    const otherResource = await create({
      resource_id: 'rsc_classroom_101',
      title: 'D',
      start: `${date}T10:30:00Z`,
      end: `${date}T11:30:00Z`,
    });
    const forced = await create({
      resource_id: ROOM,
      title: 'E',
      start: `${date}T10:30:00Z`,
      end: `${date}T11:30:00Z`,
      allow_overlap: true,
    });

    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('slot_unavailable');
    expect(clash.body.error.message).toContain(existing.body.id);
    expect([adjacent.status, otherResource.status, forced.status]).toEqual([201, 201, 201]);
  });

  it('does not count pending or cancelled bookings as taking the slot', async () => {
    const date = nextDay();
    const slot = { start: `${date}T14:00:00Z`, end: `${date}T15:00:00Z` };
    await create({ resource_id: ROOM, title: 'Pending', status: 'pending', ...slot });
    const cancelled = await create({ resource_id: ROOM, title: 'To cancel', ...slot, allow_overlap: true });
    await api(`/bookings/${cancelled.body.id}`, { method: 'DELETE' });

    const booked = await create({ resource_id: ROOM, title: 'Now free', ...slot });

    expect(booked.status).toBe(201);
  });

  it('bumps the version on every change and answers 412 when If-Match is stale', async () => {
    const date = nextDay();
    const created = await create({
      resource_id: ROOM,
      title: 'v1',
      start: `${date}T10:00:00Z`,
      end: `${date}T11:00:00Z`,
    });
    const path = `/bookings/${created.body.id}`;

    const updated = await api(path, { method: 'PUT', body: { title: 'v2' }, headers: { 'if-match': '1' } });
    const stale = await api(path, { method: 'PUT', body: { title: 'v3' }, headers: { 'if-match': '1' } });
    const quoted = await api(path, { method: 'PUT', body: { title: 'v3' }, headers: { 'if-match': '"2"' } });

    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'v2', version: 2 });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('version_mismatch');
    expect(quoted.body).toMatchObject({ title: 'v3', version: 3 });
    expect((await api(path)).body.title).toBe('v3');
  });

  it('keeps the version when a PUT changes nothing', async () => {
    const date = nextDay();
    const created = await create({
      resource_id: ROOM,
      title: 'Same',
      start: `${date}T10:00:00Z`,
      end: `${date}T11:00:00Z`,
    });

    const same = await api(`/bookings/${created.body.id}`, { method: 'PUT', body: { title: 'Same' } });

    expect(same.body.version).toBe(1);
  });

  it('refuses a PUT that moves a booking onto a confirmed one', async () => {
    const date = nextDay();
    await create({ resource_id: ROOM, title: 'Fixed', start: `${date}T10:00:00Z`, end: `${date}T11:00:00Z` });
    const mover = await create({
      resource_id: ROOM,
      title: 'Mover',
      start: `${date}T12:00:00Z`,
      end: `${date}T13:00:00Z`,
    });

    const moved = await api(`/bookings/${mover.body.id}`, {
      method: 'PUT',
      body: { start: `${date}T10:30:00Z`, end: `${date}T11:30:00Z` },
    });

    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('slot_unavailable');
  });

  it('cancels on DELETE, keeping the booking readable as cancelled', async () => {
    const date = nextDay();
    const created = await create({
      resource_id: ROOM,
      title: 'Gone',
      start: `${date}T10:00:00Z`,
      end: `${date}T11:00:00Z`,
    });

    const deleted = await api(`/bookings/${created.body.id}`, { method: 'DELETE' });
    const read = await api(`/bookings/${created.body.id}`);

    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ status: 'cancelled', version: 2 });
    expect(read.body.status).toBe('cancelled');
  });

  it('refuses a DELETE whose If-Match is stale, leaving the booking as it was', async () => {
    const date = nextDay();
    const created = await create({
      resource_id: ROOM,
      title: 'Keep',
      start: `${date}T10:00:00Z`,
      end: `${date}T11:00:00Z`,
    });
    await api(`/bookings/${created.body.id}`, { method: 'PUT', body: { title: 'Kept' } });

    const stale = await api(`/bookings/${created.body.id}`, {
      method: 'DELETE',
      headers: { 'if-match': '1' },
    });

    expect(stale.status).toBe(412);
    expect((await api(`/bookings/${created.body.id}`)).body).toMatchObject({
      status: 'confirmed',
      version: 2,
    });
  });

  it('answers 404 for a booking that does not exist', async () => {
    const response = await api('/bookings/bkg_missing');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
