import { describe, expect, it } from 'vitest';
import { call, useTestSandbox, type JsonBody } from './helpers/start-test-sandbox';

const ROOM = 'rsc_meeting_room_a';
const STUDIO = 'rsc_recording_studio';

describe('Sched PUT /bookings/{id} moving a booking to another resource', () => {
  const sandbox = useTestSandbox({ seed: 'empty' });
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
  let day = 0;
  /** A fresh hour on a day no other test uses, so tests do not overlap each other. */
  const slot = (hour = 10) => {
    day += 1;
    const date = `2031-07-${String(day).padStart(2, '0')}`;
    return { start: `${date}T${hour}:00:00Z`, end: `${date}T${hour + 1}:00:00Z` };
  };
  const book = async (resource: string, times: { start: string; end: string }, title = 'Team sync') =>
    (await api('/bookings', { method: 'POST', body: { resource_id: resource, title, ...times } })).body;
  const move = (booking: JsonBody, body: Record<string, unknown>) =>
    api(`/bookings/${booking.id}`, {
      method: 'PUT',
      headers: { 'if-match': `"${booking.version}"` },
      body,
    });
  const syncToken = async (resource: string): Promise<string> => {
    const listed = await api(`/bookings?resource_id=${resource}&max_results=500`);
    return listed.body.next_sync_token;
  };
  const feed = async (resource: string, token: string) =>
    (await api(`/bookings?resource_id=${resource}&sync_token=${encodeURIComponent(token)}`)).body;

  it('moves the booking, keeps its id and time, and bumps its version', async () => {
    const booking = await book(ROOM, slot());

    const moved = await move(booking, { resource_id: STUDIO });
    const read = await api(`/bookings/${booking.id}`);

    expect(moved.status).toBe(200);
    expect(read.body).toMatchObject({
      id: booking.id,
      resource_id: STUDIO,
      start: booking.start,
      end: booking.end,
      status: 'confirmed',
      version: booking.version + 1,
    });
  });

  it("shows the move in both resources' feeds: the old one sees it leave, with its new resource_id", async () => {
    const booking = await book(ROOM, slot());
    const roomToken = await syncToken(ROOM);
    const studioToken = await syncToken(STUDIO);

    await move(booking, { resource_id: STUDIO });
    const roomFeed = await feed(ROOM, roomToken);
    const studioFeed = await feed(STUDIO, studioToken);
    const roomList = await api(`/bookings?resource_id=${ROOM}&max_results=500`);

    expect(roomFeed.bookings).toEqual([
      expect.objectContaining({ id: booking.id, resource_id: STUDIO, status: 'confirmed' }),
    ]);
    expect(studioFeed.bookings).toEqual([expect.objectContaining({ id: booking.id, resource_id: STUDIO })]);
    expect(roomList.body.bookings.map((b: JsonBody) => b.id)).not.toContain(booking.id);
  });

  it('leaves a later change at the new resource out of the old resource’s feed once it saw the move', async () => {
    const booking = await book(ROOM, slot());
    const moved = (await move(booking, { resource_id: STUDIO })).body;
    const afterMove = await syncToken(ROOM);

    await move(moved, { title: 'Renamed at the studio' });

    expect((await feed(ROOM, afterMove)).bookings).toEqual([]);
  });

  it('refuses a resource Sched does not have with 404 naming resource_id, and changes nothing', async () => {
    const booking = await book(ROOM, slot());

    const refused = await move(booking, { resource_id: 'rsc_nowhere', title: 'Elsewhere' });
    const read = await api(`/bookings/${booking.id}`);

    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({ code: 'not_found', field: 'resource_id' });
    expect(refused.body.error.message).toContain('rsc_nowhere');
    expect(read.body).toEqual(booking);
  });

  it('refuses a move onto a slot taken at the target with 409 slot_unavailable, unless allow_overlap', async () => {
    const times = slot();
    const booking = await book(ROOM, times);
    const taken = await book(STUDIO, times, 'Podcast');

    const refused = await move(booking, { resource_id: STUDIO });
    const unchanged = await api(`/bookings/${booking.id}`);
    const forced = await move(booking, { resource_id: STUDIO, allow_overlap: true });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'slot_unavailable', conflicting_booking_id: taken.id });
    expect(unchanged.body.resource_id).toBe(ROOM);
    expect(forced.status).toBe(200);
    expect(forced.body.resource_id).toBe(STUDIO);
  });
});
