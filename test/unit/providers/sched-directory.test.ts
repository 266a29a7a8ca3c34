import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../main/providers/port';
import {
  SchedApiDirectory,
  SchedHttp,
  SchedRegistryClient,
  createSchedGate,
} from '../../../main/providers/sched';
import { defaultSyncSettings } from '../../../preload/contract';
import { schedError, scripted, type FakeFetch } from './sched-fake-fetch';

function directoryWith(fake: FakeFetch): SchedApiDirectory {
  const gate = createSchedGate({ sleep: async () => {}, random: () => 0 });
  return new SchedApiDirectory(
    new SchedRegistryClient(
      new SchedHttp({ baseUrl: 'https://sched.test/v1', apiKey: 'k', gate, fetch: fake.fetch }),
    ),
  );
}

describe('SchedApiDirectory', () => {
  it('lists resources in the contract’s shape', async () => {
    const fake = scripted({
      status: 200,
      body: {
        resources: [
          {
            id: 'res_1',
            name: 'Room A',
            description: null,
            image_url: 'https://img/a.png',
            google_calendar_id: null,
            booking_url: 'https://book/a',
            timezone: 'Europe/London',
          },
        ],
      },
    });

    expect(await directoryWith(fake).listResources()).toEqual([
      {
        id: 'res_1',
        name: 'Room A',
        description: '',
        timezone: 'Europe/London',
        image_url: 'https://img/a.png',
        booking_url: 'https://book/a',
      },
    ]);
  });

  it('registers a calendar without any token', async () => {
    const fake = scripted({ status: 201, body: {} });

    await directoryWith(fake).registerCalendar({
      resource_id: 'res_1',
      calendar_service: 'google',
      calendar_id: 'ann@example.com',
    });

    expect(fake.seen[0]!.url.pathname).toBe('/v1/calendars/connect');
    expect(fake.seen[0]!.body).toEqual({
      resource_id: 'res_1',
      calendar_service: 'google',
      calendar_id: 'ann@example.com',
    });
  });

  it('updates only the fields it is given', async () => {
    const fake = scripted({ status: 200, body: {} });

    await directoryWith(fake).updateCalendar('ann@example.com', { sync_status: 'paused' });
    await directoryWith(fake).updateCalendar('ann@example.com', { sync_settings: defaultSyncSettings });

    expect(fake.seen[0]!.method).toBe('PUT');
    expect(fake.seen[0]!.body).toEqual({ sync_status: 'paused' });
    expect(fake.seen[1]!.body).toEqual({ sync_settings: defaultSyncSettings });
  });

  it('throws NotFoundError when unregistering a calendar Sched does not know', async () => {
    const fake = scripted(schedError(404, 'not_found', 'Calendar c is not connected.'));

    await expect(directoryWith(fake).unregisterCalendar('c')).rejects.toBeInstanceOf(NotFoundError);
  });
});
