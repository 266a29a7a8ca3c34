import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../main/providers/microsoft';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { graphProviderFor, primaryCalendarId, signedInMicrosoftAccount } from '../contract/microsoft-sandbox';
import { windowAt } from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'demo' });

describe('Graph provider: the demo mailbox’s invitations, busy or free (SYNC.md, "Availability")', () => {
  it('reads declined and cancelled invitations as free, tentative and out-of-office ones as busy', async () => {
    const provider = await graphProviderFor(sandbox());

    const full = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    const seen = (title: string) => {
      const item = full.items.find((candidate) => candidate.title === title);
      return item && [item.availability, item.status];
    };

    expect(seen('Vendor pitch')).toEqual(['free', 'confirmed']);
    expect(seen('Canceled: Budget review')).toEqual(['free', 'cancelled']);
    expect(seen('Partner roadmap')).toEqual(['busy', 'confirmed']);
    expect(seen('Dentist')).toEqual(['busy', 'confirmed']);
    expect(seen('Company offsite')).toEqual(['free', 'confirmed']);
    expect(seen('Working from the Lisbon office')).toEqual(['free', 'confirmed']);
  });

  it('reads an event of the agent’s that a person set to free as free through the $batch read', async () => {
    const box = sandbox();
    const provider = await graphProviderFor(box);
    const account = await signedInMicrosoftAccount(box);
    const person = createGraphClient(account.authProvider, box.info.microsoft.graph_url);
    const window = windowAt(box);
    const startMs = Date.parse(window.start) + 40 * 86_400_000;
    const at = (ms: number) => ({ kind: 'instant', utc: new Date(ms).toISOString(), zone: 'UTC' }) as const;
    const ours = await provider.create({
      fields: {
        title: 'Booked in Sched',
        description: '',
        location: '',
        start: at(startMs),
        end: at(startMs + 3_600_000),
      },
      idempotencyKey: 'availability-batch',
      tags: { bookingId: 'b-7', connectionId: 'c-availability' },
    });
    const { nextCursor } = await provider.listChanges({ cursor: null, window });
    const calendarId = await primaryCalendarId(box, account);
    await person
      .api(`/me/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(ours.id)}`)
      .patch({ showAs: 'free' });
    await call(`${box.url}/sandbox/stats/reset`, { method: 'POST' });

    const changes = await provider.listChanges({ cursor: nextCursor, window });

    const stats = await call(`${box.url}/sandbox/stats`);
    const routes = (stats.body.requests as { service: string; route: string; count: number }[])
      .filter((row) => row.service === 'microsoft')
      .map((row) => [row.route, row.count]);
    expect(routes).toEqual(expect.arrayContaining([['/v1.0/$batch', 1]]));
    expect(changes.items.map((item) => [item.id, item.availability])).toEqual([[ours.id, 'free']]);
    expect(ours.availability).toBe('busy');
  });
});
