import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../preload/contract';
import { DeviceHolds } from '../../../main/agent/device-hold';
import type { ServiceClients } from '../../../main/agent/ports';
import { openConfSettingsStore, openStateDb } from '../../../main/store';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Holds over one connection, `cal-1`, whose holder in Sched's registry the test sets; registry reads counted. */
async function holdsWith(holder: { id: string; name: string } | null) {
  const dir = await mkdtemp(join(tmpdir(), 'sched-sync-holds-'));
  dirs.push(dir);
  const settings = openConfSettingsStore(dir);
  settings.saveConnection({
    resource_id: 'rsc_room',
    calendar_service: 'google',
    calendar_id: 'cal-1',
    account_id: null,
    sync_settings: defaultSyncSettings,
  });
  const db = openStateDb(':memory:');
  const reads = { registry: 0, clock: 0 };
  const sched = {
    listHolders: async () => {
      reads.registry += 1;
      return [{ calendar_id: 'cal-1', device: holder, connected_at: '2026-12-01T09:12:00Z' }];
    },
  };
  const holds = new DeviceHolds({
    settings,
    db,
    clients: () => ({ sched: async () => sched }) as unknown as ServiceClients,
    lost: () => undefined,
    clock: {
      refresh: async () => {
        reads.clock += 1;
      },
      now: () => new Date(),
    },
  });
  return { holds, reads };
}

describe('DeviceHolds.requireHere', () => {
  it('lets a call through while this device holds the calendar, reading the registry once per 15 minutes', async () => {
    const { holds, reads } = await holdsWith(null);

    await holds.requireHere('cal-1', 'undo of run r1');
    await holds.requireHere('cal-1', 'undo of run r1');

    expect(reads).toEqual({ registry: 1, clock: 2 });
  });

  it('refuses a person’s call on a calendar another device took over, naming the call and that device', async () => {
    const { holds } = await holdsWith({ id: 'dev-other', name: 'LAPTOP-7' });

    const refused = holds.requireHere('cal-1', 'undo of run r1');

    await expect(refused).rejects.toMatchObject({ code: 'conflict' });
    await expect(refused).rejects.toThrow(
      /^undo of run r1 was refused: cal-1's calendar is synced by LAPTOP-7/,
    );
  });
});
