import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSummary, SchedResource, SyncStatus } from '../../../preload/contract';
import { defaultSyncSettings } from '../../../preload/contract';
import { EventBus } from '../../../main/agent/event-bus';
import { PauseService } from '../../../main/agent/pause-service';
import type { ServiceClients } from '../../../main/agent/ports';
import { SyncService, type EngineLike } from '../../../main/agent/sync-service';
import type { EngineConnection } from '../../../main/engine/types';
import { openConfSettingsStore, openStateDb, type StoredConnection } from '../../../main/store';
import { FakeCron } from '../../fakes/fake-cron';
import { MemoryProvider } from '../../fakes/memory-provider';

const resource: SchedResource = {
  id: 'rsc_room',
  name: 'Room',
  description: '',
  image_url: null,
  google_calendar_id: null,
  booking_url: '',
  timezone: 'Europe/London',
} as unknown as SchedResource;

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The agent's sync and pause services on the real scheduler, a fake cron and an engine that records its runs. */
async function agentWith(connections: Partial<StoredConnection>[]) {
  const dir = await mkdtemp(join(tmpdir(), 'sched-sync-hold-'));
  dirs.push(dir);
  const settings = openConfSettingsStore(dir);
  for (const [i, c] of connections.entries()) {
    settings.saveConnection({
      resource_id: resource.id,
      calendar_service: 'google',
      calendar_id: `cal-${i}`,
      account_id: null,
      sync_settings: { ...defaultSyncSettings, sync_frequency: '15min' },
      ...c,
    });
  }
  const db = openStateDb(':memory:');
  // Connect makes each connection's state row; what Sched was last told is kept beside it.
  for (const i of connections.keys()) db.connections.ensure(`cal-${i}`);
  const ran: string[] = [];
  const told: { calendarId: string; status?: SyncStatus }[] = [];
  const engine: EngineLike = {
    async run(conn: EngineConnection) {
      ran.push(conn.calendarId);
      db.connections.ensure(conn.calendarId);
      db.connections.update(conn.calendarId, { status: 'active', lastSync: new Date().toISOString() });
      return { run_id: `run-${ran.length}`, calendar_id: conn.calendarId } as RunSummary;
    },
    preview: async () => {
      throw new Error('not used');
    },
    recoverPairing: async () => {
      throw new Error('not used');
    },
    finishUnfinished: async () => {
      throw new Error('not used');
    },
    undo: async () => {
      throw new Error('not used');
    },
    resolveConflict: async () => undefined,
    review: async () => null,
  };
  const clients = {
    sched: async () => ({
      listResources: async () => [resource],
      registerCalendar: async () => undefined,
      updateCalendar: async (calendarId: string, input: { sync_status?: SyncStatus }) => {
        told.push({ calendarId, status: input.sync_status });
      },
      unregisterCalendar: async () => undefined,
    }),
    providersFor: async () => ({
      sched: new MemoryProvider({ side: 'sched', clock: () => new Date().toISOString() }),
      external: new MemoryProvider({ side: 'external', clock: () => new Date().toISOString() }),
    }),
  } as unknown as ServiceClients;
  const cron = new FakeCron();
  const bus = new EventBus();
  const sync = new SyncService({ settings, db, clients: () => clients, engine, bus, cron });
  const pauses = new PauseService({
    settings,
    db,
    clients: () => clients,
    bus,
    changed: () => sync.reschedule(),
    report: (id) => sync.reportStatus(id),
  });
  sync.reschedule();
  const jobs = () => cron.live().length;
  return { settings, db, sync, pauses, cron, ran, told, jobs };
}

describe('the first run comes only when a person asks', () => {
  it('leaves a new connection to the person: no schedule, no trigger, no "sync all"', async () => {
    const agent = await agentWith([{ awaiting_first_sync: true }, {}]);

    const jobs = agent.jobs();
    await agent.sync.trigger('startup');
    await agent.sync.trigger('resume');
    await agent.sync.trigger('online');
    await agent.sync.syncNow();
    await agent.cron.fire();

    expect(jobs).toBe(1);
    expect(agent.ran).toEqual(['cal-1', 'cal-1', 'cal-1', 'cal-1', 'cal-1']);
  });

  it('runs it on Sync now, and schedules it from then on', async () => {
    const agent = await agentWith([{ awaiting_first_sync: true }]);

    await agent.sync.syncNow('cal-0');
    const jobs = agent.jobs();
    await agent.cron.fire();
    await agent.sync.trigger('startup');

    expect(jobs).toBe(1);
    expect(agent.ran).toEqual(['cal-0', 'cal-0', 'cal-0']);
    expect(agent.settings.getConnection('cal-0')?.awaiting_first_sync).toBeUndefined();
  });
});

describe('pause and resume', () => {
  it('skips a paused connection everywhere, refuses Sync now for it, and keeps its state', async () => {
    const agent = await agentWith([{}, {}]);
    await agent.sync.syncNow('cal-0');
    const cursor = agent.db.connections.update('cal-0', { schedSyncToken: 'cursor-1' }).schedSyncToken;

    const view = await agent.pauses.set('cal-0', true);
    await agent.sync.trigger('startup');
    await agent.sync.syncNow();
    await agent.cron.fire();
    const refused = agent.sync.syncNow('cal-0');

    expect(view).toMatchObject({ sync_status: 'paused', awaiting_first_sync: false });
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/paused/),
    });
    expect(agent.jobs()).toBe(1);
    expect(agent.ran).toEqual(['cal-0', 'cal-1', 'cal-1', 'cal-1']);
    expect(agent.db.connections.get('cal-0')?.schedSyncToken).toBe(cursor);
    expect(agent.told).toEqual([{ calendarId: 'cal-0', status: 'paused' }]);
  });

  it('resumes to active: scheduled again and run by the triggers, Sched told', async () => {
    const agent = await agentWith([{}]);
    await agent.pauses.set('cal-0', true);

    const view = await agent.pauses.set('cal-0', false);
    await agent.cron.fire();
    await agent.sync.trigger('online');

    expect(view).toMatchObject({ sync_status: 'active', status_message: null });
    expect(agent.ran).toEqual(['cal-0', 'cal-0']);
    expect(agent.told).toEqual([
      { calendarId: 'cal-0', status: 'paused' },
      { calendarId: 'cal-0', status: 'active' },
    ]);
  });

  it('keeps a paused new connection waiting for its first run once resumed', async () => {
    const agent = await agentWith([{ paused: true, awaiting_first_sync: true }]);

    const view = await agent.pauses.set('cal-0', false);
    await agent.cron.fire();
    await agent.sync.trigger('startup');

    expect(view).toMatchObject({
      sync_status: 'active',
      awaiting_first_sync: true,
      status_message: 'Waiting for its first sync: preview it, then press Sync now.',
    });
    expect(agent.jobs()).toBe(0);
    expect(agent.ran).toEqual([]);
  });

  it('pauses and resumes every connection at once', async () => {
    const agent = await agentWith([{}, { awaiting_first_sync: true }]);

    const paused = await agent.pauses.setAll(true);
    const jobsPaused = agent.jobs();
    const resumed = await agent.pauses.setAll(false);

    expect(paused.calendars.map((c) => c.sync_status)).toEqual(['paused', 'paused']);
    expect(jobsPaused).toBe(0);
    expect(resumed.calendars.map((c) => [c.sync_status, c.awaiting_first_sync])).toEqual([
      ['active', false],
      ['active', true],
    ]);
    expect(agent.jobs()).toBe(1);
  });

  it('answers 404 naming calendar_id for an unknown calendar, changing nothing', async () => {
    const agent = await agentWith([{}]);

    await expect(agent.pauses.set('nope', true)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^calendar_id: .*"nope"/),
    });
    expect(agent.settings.listConnections().map((c) => c.paused)).toEqual([undefined]);
  });
});
