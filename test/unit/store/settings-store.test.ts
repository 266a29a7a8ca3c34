import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../preload/contract';
import { openConfSettingsStore } from '../../../main/store/conf-settings-store';
import type { StoredConnection } from '../../../main/store/settings-schema';

const connection: StoredConnection = {
  resource_id: 'res-room-a',
  calendar_service: 'google',
  calendar_id: 'room.a@example.com',
  account_id: 'google:alice@example.com',
  sync_settings: defaultSyncSettings,
};

describe('conf settings store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sched-sync-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts in sandbox mode with default settings and nothing connected', () => {
    const store = openConfSettingsStore(dir);

    expect(store.getSettings()).toEqual({
      auto_start: true,
      notifications: true,
      default_sync_settings: defaultSyncSettings,
    });
    expect(store.getMode()).toBe('sandbox');
    expect(store.getSched()).toBeNull();
    expect(store.listAccounts()).toEqual([]);
    expect(store.listConnections()).toEqual([]);
  });

  it('merges a partial settings change and keeps it across a restart', () => {
    const store = openConfSettingsStore(dir);

    const updated = store.updateSettings({
      notifications: false,
      default_sync_settings: { privacy: 'busy-only', sync_frequency: '1h' },
    });
    const reopened = openConfSettingsStore(dir);

    expect(updated).toEqual({
      auto_start: true,
      notifications: false,
      default_sync_settings: { ...defaultSyncSettings, privacy: 'busy-only', sync_frequency: '1h' },
    });
    expect(reopened.getSettings()).toEqual(updated);
  });

  it('refuses a bad change, names the field and writes nothing', () => {
    const store = openConfSettingsStore(dir);
    store.updateSettings({ auto_start: false });

    expect(() => store.updateSettings({ default_sync_settings: { direction: 'sideways' } } as never)).toThrow(
      /default_sync_settings\.direction/,
    );
    expect(() => store.updateSettings({ api_key: 'k' } as never)).toThrow(/api_key: unknown field/);
    expect(openConfSettingsStore(dir).getSettings().auto_start).toBe(false);
  });

  it('adds, replaces and removes connections by calendar id', () => {
    const store = openConfSettingsStore(dir);
    store.saveConnection(connection);
    store.saveConnection({ ...connection, calendar_id: 'room.b@example.com', resource_id: 'res-room-b' });

    store.saveConnection({
      ...connection,
      sync_settings: { ...defaultSyncSettings, direction: 'sched-to-external' },
    });

    expect(store.listConnections().map((c) => [c.calendar_id, c.sync_settings.direction])).toEqual([
      ['room.a@example.com', 'sched-to-external'],
      ['room.b@example.com', 'two-way'],
    ]);
    expect(store.getConnection('room.b@example.com')?.resource_id).toBe('res-room-b');
    expect(store.removeConnection('room.a@example.com')).toBe(true);
    expect(store.removeConnection('room.a@example.com')).toBe(false);
    expect(
      openConfSettingsStore(dir)
        .listConnections()
        .map((c) => c.calendar_id),
    ).toEqual(['room.b@example.com']);
  });

  it('remembers the resource of a disconnected calendar, a pending remap’s old one first, until it is connected again', () => {
    const store = openConfSettingsStore(dir);
    store.saveConnection(connection);
    store.saveConnection({ ...connection, calendar_id: 'room.b@example.com', remap_from: 'res-old' });

    store.removeConnection('room.a@example.com');
    store.removeConnection('room.b@example.com');

    const reopened = openConfSettingsStore(dir);
    expect(reopened.formerResource('room.a@example.com')).toBe(connection.resource_id);
    expect(reopened.formerResource('room.b@example.com')).toBe('res-old');
    expect(reopened.formerResource('room.c@example.com')).toBeNull();
    reopened.saveConnection({ ...connection, resource_id: 'res-other' });
    expect(openConfSettingsStore(dir).formerResource('room.a@example.com')).toBeNull();
    expect(openConfSettingsStore(dir).formerResource('room.b@example.com')).toBe('res-old');
  });

  it('refuses a connection carrying a token', () => {
    const store = openConfSettingsStore(dir);

    expect(() => store.saveConnection({ ...connection, oauth_token: '1//secret' } as never)).toThrow(
      /oauth_token: unknown field/,
    );
    expect(readFileIfAny(store.path)).not.toContain('1//secret');
  });

  it('keeps accounts without tokens and replaces one by id', () => {
    const store = openConfSettingsStore(dir);
    store.saveAccount({ id: 'google:alice', provider: 'google', email: 'alice@example.com' });
    store.saveAccount({ id: 'microsoft:bob', provider: 'microsoft', email: 'bob@example.com' });

    store.saveAccount({ id: 'google:alice', provider: 'google', email: 'alice.new@example.com' });

    expect(store.listAccounts()).toEqual([
      { id: 'google:alice', provider: 'google', email: 'alice.new@example.com' },
      { id: 'microsoft:bob', provider: 'microsoft', email: 'bob@example.com' },
    ]);
    expect(store.getAccount('microsoft:bob')?.email).toBe('bob@example.com');
    expect(store.removeAccount('google:alice')).toBe(true);
    expect(store.getAccount('google:alice')).toBeNull();
    expect(() =>
      store.saveAccount({ id: 'x', provider: 'google', email: 'a@b', refresh_token: 't' } as never),
    ).toThrow(/refresh_token: unknown field/);
  });

  it('keeps where Sched is but refuses its key, and switches mode', () => {
    const store = openConfSettingsStore(dir);

    store.setSched({ base_url: 'https://sched.example.com/v1' });
    store.setMode('live');

    expect(() => store.setSched({ base_url: 'https://sched.example.com/v1', api_key: 'k' } as never)).toThrow(
      /api_key: unknown field/,
    );
    expect(() => store.setSched({ base_url: 'not a url' })).toThrow(/base_url: must be an http\(s\) URL/);
    const reopened = openConfSettingsStore(dir);
    expect(reopened.getSched()).toEqual({ base_url: 'https://sched.example.com/v1' });
    expect(reopened.getMode()).toBe('live');
    store.setSched(null);
    expect(store.getSched()).toBeNull();
  });

  it('writes settings.json in the data dir, readable by its owner only', () => {
    const store = openConfSettingsStore(dir);

    store.saveConnection(connection);

    expect(store.path).toBe(join(dir, 'settings.json'));
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({
      mode: 'sandbox',
      connections: [connection],
    });
  });

  it('tells the person which field of a hand-edited file is wrong', () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ connections: [{ ...connection, calendar_service: 'yahoo' }] }),
    );
    const store = openConfSettingsStore(dir);

    expect(() => store.listConnections()).toThrow(
      /settings\.json is not valid: connections\.0\.calendar_service/,
    );
  });

  it('reports a file that is not JSON instead of wiping it', () => {
    writeFileSync(join(dir, 'settings.json'), '{ "connections": [ oops');

    expect(() => openConfSettingsStore(dir)).toThrow(/settings\.json is not valid: it is not readable JSON/);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{ "connections": [ oops');
  });

  it('refuses two connections of one calendar in a hand-edited file', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ connections: [connection, connection] }));

    expect(() => openConfSettingsStore(dir).read()).toThrow(
      /connections\.1\.calendar_id: is connected twice/,
    );
  });

  it('tells listeners about every change', () => {
    const store = openConfSettingsStore(dir);
    const seen: boolean[] = [];
    const stop = store.onChange((file) => seen.push(file.notifications));

    store.updateSettings({ notifications: false });
    stop();
    store.updateSettings({ notifications: true });

    expect(seen).toEqual([false]);
  });
});

function readFileIfAny(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
