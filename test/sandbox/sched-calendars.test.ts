import { describe, expect, it } from 'vitest';
import { call, useTestSandbox } from './helpers/start-test-sandbox';

describe('Sched Connected Calendars', () => {
  const sandbox = useTestSandbox({ seed: 'empty' });
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
  const connect = (body: Record<string, unknown>) => api('/calendars/connect', { method: 'POST', body });

  it('connects a calendar without an OAuth token and lists it as Sched documents', async () => {
    const connected = await connect({
      resource_id: 'rsc_meeting_room_a',
      calendar_service: 'google',
      calendar_id: 'alex@sandbox.example',
    });
    const listed = await api('/calendars');

    expect(connected.status).toBe(201);
    expect(listed.body).toEqual({
      calendars: [
        {
          resource_id: 'rsc_meeting_room_a',
          calendar_service: 'google',
          calendar_id: 'alex@sandbox.example',
          sync_status: 'active',
        },
      ],
    });
  });

  it('accepts the documented oauth_token and never gives it back', async () => {
    await connect({
      resource_id: 'rsc_classroom_101',
      calendar_service: 'microsoft',
      calendar_id: 'AAMkClassroom',
      oauth_token: 'secret-token',
    });

    const listed = await api('/calendars');

    expect(JSON.stringify(listed.body)).not.toContain('secret-token');
  });

  it('treats connecting the same pair again as a retry, and another resource as a conflict', async () => {
    const body = {
      resource_id: 'rsc_dr_maria_lopez',
      calendar_service: 'microsoft',
      calendar_id: 'AAMkDoctor',
    };
    await connect(body);

    const again = await connect(body);
    const taken = await connect({ ...body, resource_id: 'rsc_recording_studio' });

    expect(again.status).toBe(200);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('calendar_already_connected');
  });

  it('updates sync settings, status and resource with PUT', async () => {
    await connect({ resource_id: 'rsc_meeting_room_a', calendar_service: 'google', calendar_id: 'room-put' });

    const updated = await api('/calendars/room-put', {
      method: 'PUT',
      body: {
        oauth_token: 'new-oauth-token',
        sync_settings: { sync_frequency: '15min', conflict_resolution: 'prefer-external' },
        sync_status: 'syncing',
        resource_id: 'rsc_recording_studio',
      },
    });
    const listed = await api('/calendars');

    expect(updated.status).toBe(200);
    expect(updated.body.sync_settings).toEqual({
      sync_frequency: '15min',
      conflict_resolution: 'prefer-external',
    });
    expect(listed.body.calendars).toContainEqual({
      resource_id: 'rsc_recording_studio',
      calendar_service: 'google',
      calendar_id: 'room-put',
      sync_status: 'syncing',
    });
  });

  it("disconnects with exactly Sched's message, then no longer knows the calendar", async () => {
    await connect({
      resource_id: 'rsc_meeting_room_a',
      calendar_service: 'google',
      calendar_id: 'sam@sandbox.example',
    });

    const disconnected = await api(`/calendars/${encodeURIComponent('sam@sandbox.example')}`, {
      method: 'DELETE',
    });
    const again = await api(`/calendars/${encodeURIComponent('sam@sandbox.example')}`, { method: 'DELETE' });
    const listed = await api('/calendars');

    expect(disconnected.status).toBe(200);
    expect(disconnected.body).toEqual({ message: 'Calendar disconnected successfully.' });
    expect(again.status).toBe(404);
    expect(listed.body.calendars.map((c: { calendar_id: string }) => c.calendar_id)).not.toContain(
      'sam@sandbox.example',
    );
  });

  it.each([
    [{ calendar_service: 'google', calendar_id: 'x' }, 'resource_id'],
    [{ resource_id: 'rsc_nowhere', calendar_service: 'google', calendar_id: 'x' }, 'resource_id'],
    [{ resource_id: 'rsc_meeting_room_a', calendar_service: 'icloud', calendar_id: 'x' }, 'calendar_service'],
    [{ resource_id: 'rsc_meeting_room_a', calendar_service: 'google' }, 'calendar_id'],
    [
      { resource_id: 'rsc_meeting_room_a', calendar_service: 'google', calendar_id: 'x', sync_settings: 5 },
      'sync_settings',
    ],
  ])('refuses a bad connect body with 400 naming the field (%#)', async (body, field) => {
    const response = await connect(body);

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
  });
});
