import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../main/providers/port';
import { SchedApiDirectory } from '../../main/providers/sched';
import { defaultSyncSettings } from '../../preload/contract';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { schedRegistryFor } from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });

/** What Sched itself lists under Connected Calendars. */
async function connectedCalendars(): Promise<unknown[]> {
  const answer = await call(`${sandbox().info.sched.base_url}/calendars`, {
    token: sandbox().info.sched.api_key,
  });
  return answer.body.calendars as unknown[];
}

describe('Sched directory against the sandbox', () => {
  it('lists the seeded resources with their zones', async () => {
    const directory = new SchedApiDirectory(schedRegistryFor(sandbox()));

    const resources = await directory.listResources();

    expect(resources).toContainEqual(
      expect.objectContaining({
        id: 'rsc_meeting_room_a',
        name: 'Meeting Room A',
        timezone: 'Europe/London',
      }),
    );
    expect(resources.every((resource) => resource.booking_url?.startsWith('https://'))).toBe(true);
  });

  it('registers, updates and unregisters a calendar as Sched shows it', async () => {
    const directory = new SchedApiDirectory(schedRegistryFor(sandbox()));
    const calendar = { calendar_service: 'google', calendar_id: 'alex@sandbox.example' } as const;

    await directory.registerCalendar({ resource_id: 'rsc_meeting_room_a', ...calendar });
    const registered = await connectedCalendars();
    await directory.updateCalendar(calendar.calendar_id, {
      sync_status: 'paused',
      sync_settings: defaultSyncSettings,
      resource_id: 'rsc_classroom_101',
    });
    const updated = await connectedCalendars();
    await directory.unregisterCalendar(calendar.calendar_id);
    const unregistered = await connectedCalendars();

    expect(registered).toEqual([{ resource_id: 'rsc_meeting_room_a', ...calendar, sync_status: 'active' }]);
    expect(updated).toEqual([{ resource_id: 'rsc_classroom_101', ...calendar, sync_status: 'paused' }]);
    expect(unregistered).toEqual([]);
  });

  it('gets Sched’s documented message when a calendar is disconnected', async () => {
    const client = schedRegistryFor(sandbox());
    await new SchedApiDirectory(client).registerCalendar({
      resource_id: 'rsc_dr_maria_lopez',
      calendar_service: 'microsoft',
      calendar_id: 'sam-calendar-1',
    });

    const answer = await client.disconnectCalendar('sam-calendar-1');

    expect(answer).toEqual({ message: 'Calendar disconnected successfully.' });
  });

  it('throws NotFoundError for a calendar Sched does not have, so the agent can ignore it', async () => {
    const directory = new SchedApiDirectory(schedRegistryFor(sandbox()));

    await expect(directory.unregisterCalendar('never-registered@example.com')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      directory.updateCalendar('never-registered@example.com', { sync_status: 'error' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the field Sched refused when a registration is wrong', async () => {
    const directory = new SchedApiDirectory(schedRegistryFor(sandbox()));

    const refused = directory.registerCalendar({
      resource_id: 'rsc_does_not_exist',
      calendar_service: 'google',
      calendar_id: 'x@example.com',
    });

    await expect(refused).rejects.toThrow(
      'Sched refused to register a connected calendar (HTTP 400 validation_error: resource_id: no resource with id rsc_does_not_exist.).',
    );
  });
});
