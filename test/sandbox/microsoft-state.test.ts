import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphService } from '../../sandbox/microsoft/index';
import type { SandboxContext } from '../../sandbox/core/types';
import { jordan, startGraphWorld } from './microsoft-world';
import type { GraphTestWorld } from './microsoft-world';

function detachedService(): ReturnType<typeof createGraphService> {
  const ctx: SandboxContext = {
    baseUrl: 'https://127.0.0.1:1',
    verifyAccessToken: async () => null,
    changed: () => {},
    now: () => new Date('2025-03-05T12:00:00Z'),
  };
  return createGraphService(ctx);
}

describe('Graph stand-in: state across a restart', () => {
  let world: GraphTestWorld;
  beforeAll(async () => {
    world = await startGraphWorld('demo');
  });
  afterAll(() => world.close());

  it('snapshots to plain JSON that a new service restores: same events, ids, etags and delta tokens', async () => {
    const client = world.clientFor(jordan);
    const first = await client
      .api('/me/calendarView/delta?startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-05-01T00:00:00Z')
      .header('Prefer', 'odata.maxpagesize=100')
      .get();
    const before = (await client.api('/me/events').top(100).get()).value;

    const snapshot = JSON.parse(JSON.stringify(world.service.snapshot()));
    world.service.seed('empty', [jordan]);
    const emptied = (await client.api('/me/events').get()).value;
    world.service.restore(snapshot);
    const after = (await client.api('/me/events').top(100).get()).value;
    const next = await client.api(first['@odata.deltaLink']).get();

    expect(emptied).toEqual([]);
    expect(after).toEqual(before);
    expect(next.value).toEqual([]);
  });

  it('seeds demo data relative to the sandbox clock', () => {
    const service = detachedService();

    service.seed('demo', [jordan]);

    const state = service.snapshot() as {
      mailboxes: Record<string, { events: Record<string, { createdDateTime: string }> }>;
    };
    const events = Object.values(state.mailboxes[jordan]!.events);
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => e.createdDateTime.startsWith('2025-03-05T12:00:00'))).toBe(true);
  });

  it('seeds "empty" as one default calendar named Calendar per user and no events', () => {
    const service = detachedService();

    service.seed('empty', [jordan, 'riley@sandbox.example']);

    const state = service.snapshot() as {
      mailboxes: Record<
        string,
        { calendars: Array<{ name: string; isDefaultCalendar: boolean }>; events: object }
      >;
    };
    expect(Object.keys(state.mailboxes)).toEqual([jordan, 'riley@sandbox.example']);
    for (const mailbox of Object.values(state.mailboxes)) {
      expect(mailbox.calendars).toEqual([
        expect.objectContaining({ name: 'Calendar', isDefaultCalendar: true }),
      ]);
      expect(mailbox.events).toEqual({});
    }
  });
});
