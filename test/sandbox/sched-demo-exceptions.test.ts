import { describe, expect, it } from 'vitest';
import { call, useTestSandbox, type JsonBody } from './helpers/start-test-sandbox';

describe('the demo seed’s availability exceptions', () => {
  const sandbox = useTestSandbox({ seed: 'demo' });
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${sandbox().info.sched.base_url}${path}`, { token: sandbox().info.sched.api_key, ...init });
  const exceptionsOf = async (resource: string): Promise<JsonBody[]> =>
    (await api(`/resources/${resource}/availability/exceptions`)).body.exceptions;

  it('closes Classroom 101 for a public holiday in the coming week, as an all-day exception', async () => {
    const [holiday, ...rest] = await exceptionsOf('rsc_classroom_101');
    const now = sandbox().clock.now().getTime();

    expect(rest).toEqual([]);
    expect(holiday).toMatchObject({ all_day: true, reason: 'Public holiday', status: 'active' });
    expect(Date.parse(holiday.start) - now).toBeLessThan(8 * 86_400_000);
  });

  it('has a maintenance window in the Recording Studio that Sched will not book over', async () => {
    const [maintenance] = await exceptionsOf('rsc_recording_studio');

    const refused = await api('/bookings', {
      method: 'POST',
      body: {
        resource_id: 'rsc_recording_studio',
        title: 'Mixing session',
        start: maintenance.start,
        end: maintenance.end,
      },
    });

    expect(maintenance).toMatchObject({ all_day: false, reason: expect.stringContaining('Maintenance') });
    expect(refused.status).toBe(409);
    expect(refused.body.error.conflicting_exception_id).toBe(maintenance.id);
  });

  it('keeps the seed consistent: no live demo booking overlaps a demo exception', async () => {
    for (const resource of ['rsc_classroom_101', 'rsc_recording_studio']) {
      for (const exception of await exceptionsOf(resource)) {
        const range = (value: string) => (value.length === 10 ? `${value}T00:00:00Z` : value);
        // The bookings near the exception (a day either side), each saved again: Sched re-checks its slot on
        // every change, so a booking over the exception would answer 409.
        const from = new Date(Date.parse(range(exception.start)) - 86_400_000).toISOString();
        const to = new Date(Date.parse(range(exception.end)) + 86_400_000).toISOString();
        const { bookings } = (await api(`/bookings?resource_id=${resource}&time_min=${from}&time_max=${to}`))
          .body;
        const rechecked = await Promise.all(
          bookings.map((booking: JsonBody) =>
            api(`/bookings/${booking.id}`, { method: 'PUT', body: { title: `${booking.title} (checked)` } }),
          ),
        );

        expect(rechecked.map((answer) => answer.status)).toEqual(bookings.map(() => 200));
      }
    }
  });
});
