import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine, type EngineConnection } from '../../main/engine';
import { createGraphClient } from '../../main/providers/microsoft';
import { openStateDb } from '../../main/store';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { graphProviderFor, primaryCalendarId, signedInMicrosoftAccount } from '../contract/microsoft-sandbox';
import { schedProviderFor } from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const resourceId = 'rsc_meeting_room_a';
const dir = mkdtempSync(join(tmpdir(), 'graph-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function at(box: TestSandbox, index: number): { start: string; end: string } {
  const start = box.clock.now().getTime() + (1 + Math.floor(index / 8)) * 86_400_000;
  const hour = new Date(Math.floor(start / 86_400_000) * 86_400_000 + (8 + (index % 8)) * 3_600_000);
  return { start: hour.toISOString(), end: new Date(hour.getTime() + 3_000_000).toISOString() };
}

describe('Graph creates in $batch', () => {
  it('copies 45 bookings in three $batch requests, then idles on one delta request with no re-read', async () => {
    const box = sandbox();
    const account = await signedInMicrosoftAccount(box);
    const calendarId = await primaryCalendarId(box, account);
    const graph = await graphProviderFor(box, { calendarId });
    for (let i = 0; i < 45; i += 1) {
      await call(`${box.info.sched.base_url}/bookings`, {
        token: box.info.sched.api_key,
        method: 'POST',
        body: { resource_id: resourceId, title: `Booking ${i}`, ...at(box, i) },
      });
    }
    const connection: EngineConnection = {
      calendarId,
      resourceId,
      resourceTimezone: 'UTC',
      calendarService: 'microsoft',
      settings: {
        direction: 'sched-to-external',
        conflict_resolution: 'manual',
        privacy: 'full',
        window_days_past: 30,
        window_days_future: 180,
      },
      sched: await schedProviderFor(box, { resourceId }),
      external: graph,
    };
    const db = openStateDb(join(dir, 'state.db'));
    const engine = new Engine({ db, now: () => box.clock.now() });

    const before = graph.requestCount();
    const first = await engine.run(connection);
    const afterFirst = graph.requestCount();
    const idle = await engine.run(connection);
    const afterIdle = graph.requestCount();
    db.close();

    expect(first).toMatchObject({ status: 'ok', created: { sched: 0, external: 45 } });
    // One full delta read of the empty calendar, then 20 + 20 + 5 creates.
    expect(afterFirst - before).toBe(4);
    expect(idle).toMatchObject({ status: 'ok', created: { sched: 0, external: 0 } });
    expect(afterIdle - afterFirst).toBe(1);
    const person = createGraphClient(account.authProvider, box.info.microsoft.graph_url);
    const page = await person.api(`/me/calendars/${calendarId}/events`).top(100).get();
    expect(new Set((page.value as { subject: string }[]).map((e) => e.subject)).size).toBe(45);
    expect(page.value).toHaveLength(45);
  });
});
