import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../sandbox/core/clock';
import { call, useTestSandbox } from './helpers/start-test-sandbox';

const START = Date.parse('2026-03-02T09:00:00Z');
const laptop = { id: 'dev-laptop', name: "Maria's laptop" };
const desktop = { id: 'dev-desktop', name: 'Front desk PC' };

describe('Sched Connected Calendars: one device per calendar', () => {
  const clock = new SandboxClock(() => START);
  const sandbox = useTestSandbox({ seed: 'empty', clock });
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
  const connect = (calendarId: string, extra: Record<string, unknown>) =>
    api('/calendars/connect', {
      method: 'POST',
      body: {
        resource_id: 'rsc_dr_maria_lopez',
        calendar_service: 'microsoft',
        calendar_id: calendarId,
        ...extra,
      },
    });
  const listedOne = async (calendarId: string) =>
    (await api('/calendars')).body.calendars.find(
      (c: { calendar_id: string }) => c.calendar_id === calendarId,
    );

  it('lists the device that connected a calendar and when', async () => {
    await connect('cal-listed', { device: laptop });

    expect(await listedOne('cal-listed')).toEqual({
      resource_id: 'rsc_dr_maria_lopez',
      calendar_service: 'microsoft',
      calendar_id: 'cal-listed',
      sync_status: 'active',
      device: laptop,
      connected_at: '2026-03-02T09:00:00Z',
    });
  });

  it('tells a second device which device holds the calendar and since when, and changes nothing', async () => {
    await connect('cal-held', { device: laptop });
    clock.advance(3600_000);

    const refused = await connect('cal-held', { device: desktop });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'calendar_connected_elsewhere',
      device: laptop,
      connected_at: '2026-03-02T09:00:00Z',
    });
    expect(refused.body.error.message).toContain("Maria's laptop");
    expect((await listedOne('cal-held')).device).toEqual(laptop);
  });

  it('lets the holding device connect again as a retry', async () => {
    const first = await connect('cal-retry', { device: laptop });
    clock.advance(60_000);

    const again = await connect('cal-retry', { device: { ...laptop, name: 'Renamed laptop' } });

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.device).toEqual({ id: 'dev-laptop', name: 'Renamed laptop' });
    expect(again.body.connected_at).toBe(first.body.connected_at);
    expect(
      (await api('/calendars')).body.calendars.filter(
        (c: { calendar_id: string }) => c.calendar_id === 'cal-retry',
      ),
    ).toHaveLength(1);
  });

  it('hands the calendar to a device that asks for a takeover, from then on', async () => {
    await connect('cal-takeover', { device: laptop, sync_settings: { sync_frequency: '15min' } });
    await api('/calendars/cal-takeover', { method: 'PUT', body: { sync_status: 'error' } });
    clock.advance(86_400_000);
    const at = new Date(clock.now()).toISOString().replace('.000Z', 'Z');

    const taken = await connect('cal-takeover', { device: desktop, takeover: true });
    const laptopAgain = await connect('cal-takeover', { device: laptop });

    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ device: desktop, connected_at: at, sync_status: 'active' });
    expect(laptopAgain.status).toBe(409);
    expect(laptopAgain.body.error).toMatchObject({ device: desktop, connected_at: at });
  });

  it('refuses a status update from a device that no longer holds the calendar', async () => {
    await connect('cal-stale', { device: laptop });
    await connect('cal-stale', { device: desktop, takeover: true });

    const stale = await api('/calendars/cal-stale', {
      method: 'PUT',
      body: { sync_status: 'error', device: laptop },
    });
    const holder = await api('/calendars/cal-stale', {
      method: 'PUT',
      body: { sync_status: 'syncing', device: desktop },
    });

    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('calendar_connected_elsewhere');
    expect(holder.status).toBe(200);
    expect((await listedOne('cal-stale')).sync_status).toBe('syncing');
  });

  it('lets a calendar connected without a device be claimed by one', async () => {
    await connect('cal-nobody', {});

    const claimed = await connect('cal-nobody', { device: laptop });

    expect(claimed.status).toBe(200);
    expect(claimed.body.device).toEqual(laptop);
  });

  it.each(['active', 'syncing', 'paused', 'error', 'reauth_required', 'needs_review'])(
    'takes sync_status %s and can bring it back to active',
    async (status) => {
      const id = `cal-status-${status}`;
      await connect(id, { device: laptop });

      const set = await api(`/calendars/${id}`, { method: 'PUT', body: { sync_status: status } });
      const back = await api(`/calendars/${id}`, { method: 'PUT', body: { sync_status: 'active' } });

      expect(set.body.sync_status).toBe(status);
      expect(back.status).toBe(200);
      expect((await listedOne(id)).sync_status).toBe('active');
    },
  );

  it.each([
    [{ sync_status: 'broken' }, 'sync_status'],
    [{ sync_status: '' }, 'sync_status'],
    [{ device: { name: 'no id' } }, 'device.id'],
  ])('refuses a bad PUT with 400 naming the field and changes nothing (%#)', async (body, field) => {
    await connect('cal-bad-put', { device: laptop });

    const response = await api('/calendars/cal-bad-put', { method: 'PUT', body });

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect((await listedOne('cal-bad-put')).sync_status).toBe('active');
  });

  it.each([
    [{ device: 'laptop' }, 'device'],
    [{ device: { id: '' } }, 'device.id'],
    [{ device: { id: 'x', name: 5 } }, 'device.name'],
    [{ device: laptop, takeover: 'yes' }, 'takeover'],
  ])('refuses a bad connect body with 400 naming the field (%#)', async (extra, field) => {
    const response = await connect('cal-bad-connect', extra);

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect(await listedOne('cal-bad-connect')).toBeUndefined();
  });
});
