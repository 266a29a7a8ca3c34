import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDeployment, DeploymentLocks } from '../../../main/agent/deployment-policy';
import { openConfSettingsStore, type ConfBackedSettingsStore } from '../../../main/store';
import type { Deployment } from '../../../main/store/deployment-file';

const deployment: Deployment = {
  path: '/etc/sched-sync/sched-sync.json',
  settings: {
    sched_base_url: 'https://api.sched.example/v1',
    notifications: false,
    default_sync_settings: { privacy: 'busy-only', direction: 'sched-to-external' },
    locked: ['default_sync_settings.privacy', 'sched_base_url'],
  },
};

let dir: string;
let settings: ConfBackedSettingsStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-'));
  settings = openConfSettingsStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('applyDeployment', () => {
  it("starts a fresh install from the deployment's defaults", () => {
    applyDeployment(settings, deployment, true);

    expect(settings.getSettings()).toMatchObject({
      notifications: false,
      default_sync_settings: { privacy: 'busy-only', direction: 'sched-to-external' },
    });
  });

  it('on a later start puts back only the locked values', () => {
    settings.updateSettings({
      notifications: true,
      default_sync_settings: { privacy: 'full', direction: 'two-way' },
    });

    applyDeployment(settings, deployment, false);

    expect(settings.getSettings()).toMatchObject({
      notifications: true,
      default_sync_settings: { privacy: 'busy-only', direction: 'two-way' },
    });
  });
});

describe('DeploymentLocks', () => {
  const locks = new DeploymentLocks(deployment);
  const current = { auto_start: true, notifications: true, default_sync_settings: { privacy: 'busy-only' } };

  it('refuses a change of a locked setting with a 409 that names it and says an administrator set it', () => {
    const change = () => locks.check({ default_sync_settings: { privacy: 'full' } }, current);

    expect(change).toThrow(
      'default_sync_settings.privacy was set by an administrator (in /etc/sched-sync/sched-sync.json) and cannot be changed here.',
    );
  });

  it('lets the locked value itself and unlocked settings through', () => {
    expect(() =>
      locks.check({ auto_start: false, default_sync_settings: { privacy: 'busy-only' } }, current),
    ).not.toThrow();
  });

  it('refuses another Sched than the one prescribed', () => {
    expect(() => locks.checkSchedUrl('https://other.example/v1')).toThrow(
      /sched_base_url .* Use https:\/\/api/,
    );
    expect(() => locks.checkSchedUrl('https://api.sched.example/v1/')).not.toThrow();
  });
});
